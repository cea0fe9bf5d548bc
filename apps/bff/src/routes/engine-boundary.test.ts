import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');
const eslint = new ESLint({ cwd: ROOT });

/** What the engine-boundary rule flags in `code` as if it were the file at `filePath`: the flagged source text. */
async function boundaryProblems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  const lines = code.split('\n');
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-syntax')
    .map((m) => (m.endLine === m.line ? lines[m.line - 1]!.slice(m.column - 1, m.endColumn! - 1) : `${m.line}: ${lines[m.line - 1]}`));
}

const REACHING_IN = `import Database from 'better-sqlite3';
import type { Engine } from '@sandcloud/engine';
export const a = (engine: Engine) => engine.store.get('instance', 'i-1');
export const b = (engine: Engine) => engine.store.db.prepare('SELECT 1').get();
export const c = () => new Database(':memory:');
`;

describe('lint keeps the store inside the engine', () => {
  it('fails a BFF route, a data-plane file and a benchmark that reach into engine.store or SQL', async () => {
    for (const file of ['apps/bff/src/routes/violation.ts', 'packages/data-plane/src/violation.ts', 'bench/violation.bench.ts']) {
      expect(await boundaryProblems(REACHING_IN, file)).toEqual([
        "import Database from 'better-sqlite3';",
        'engine.store',
        "engine.store.db.prepare('SELECT 1')",
        'engine.store.db',
        'engine.store',
      ]);
    }
  });

  it('lets the engine itself use its store', async () => {
    expect(await boundaryProblems(REACHING_IN, 'packages/engine/src/violation.ts')).toEqual([]);
  });

  it('accepts the query surface', async () => {
    const code = `import type { Engine } from '@sandcloud/engine';\nexport const a = (engine: Engine) => engine.queries.instance('i-1');\n`;
    expect(await boundaryProblems(code, 'packages/data-plane/src/fine.ts')).toEqual([]);
  });
});

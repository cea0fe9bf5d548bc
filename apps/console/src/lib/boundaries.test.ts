import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The console's feature boundaries are lint rules (eslint.config.js, consoleFeatureBoundaries): this
// lints small files placed in the console's folders and checks what the zones flag.
const ROOT = new URL('../../../../', import.meta.url).pathname;
const SRC = `${ROOT}apps/console/src`;
// Only the zones are looked at: the cycle rules, which walk the whole module graph, are left out here.
const eslint = new ESLint({ cwd: ROOT, overrideConfig: [{ rules: { 'import-x/no-cycle': 'off', 'sandcloud/no-type-import-cycle': 'off' } }] });

/** The imports `import-x/no-restricted-paths` flags in `code` as if it were the file at `file` (under src). */
async function flagged(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${SRC}/${file}` });
  const lines = code.split('\n');
  return result!.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => lines[m.line - 1]!);
}

const INTERNAL = "import { useInstances } from '../../instances/api/get-instances.ts';";
const PUBLIC = "import { useInstances } from '../../instances/index.ts';";

describe('console feature boundaries', () => {
  it("flags a feature that reaches into another feature's files, and accepts its index.ts", async () => {
    const code = `${INTERNAL}\n${PUBLIC}\nexport const a = useInstances;\n`;
    expect(await flagged(code, 'features/network/components/probe.tsx')).toEqual([INTERNAL]);
  });

  it('lets a feature import its own files', async () => {
    const code = "import { useInstances } from '../api/get-instances.ts';\nexport const a = useInstances;\n";
    expect(await flagged(code, 'features/instances/components/probe.tsx')).toEqual([]);
  });

  it('flags a feature importing the app', async () => {
    const code = "import { router } from '../../../app/router.tsx';\nexport const a = router;\n";
    expect(await flagged(code, 'features/instances/components/probe.tsx')).toEqual([code.split('\n')[0]]);
  });

  it('flags lib and components importing a feature, even its index.ts', async () => {
    const code = "import { useInstances } from '../features/instances/index.ts';\nexport const a = useInstances;\n";
    expect(await flagged(code, 'lib/probe.ts')).toEqual([code.split('\n')[0]]);
    const ui = "import { useInstances } from '../../features/instances/index.ts';\nexport const a = useInstances;\n";
    expect(await flagged(ui, 'components/ui/probe.tsx')).toEqual([ui.split('\n')[0]]);
  });

  it("lets the app take screens from pages.ts and the rest from index.ts, not a feature's internals", async () => {
    const deep = "import { InstancesPage } from '../features/instances/components/instances-page.tsx';";
    const code = `${deep}\nimport { instancePages } from '../features/instances/pages.ts';\nimport { useInstances } from '../features/instances/index.ts';\nexport const a = [InstancesPage, instancePages, useInstances];\n`;
    expect(await flagged(code, 'app/probe.tsx')).toEqual([deep]);
  });
});

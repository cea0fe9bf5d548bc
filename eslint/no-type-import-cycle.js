// `import-x/no-cycle` skips `import type` edges by design, so a cycle that is type-only, or that
// closes through a type import, goes unreported there. This rule reports exactly those: it follows
// the relative imports of every kind (Sandcloud imports with explicit `.ts` paths, so resolving
// them is joining paths) and flags an import that leads back to its own file through at least one
// type-only import. Cycles of value imports alone stay import-x's to report.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const STATEMENT = /(?:^|\n)[ \t]*(?:import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*'(\.{1,2}\/[^']+)'/g;
const files = new Map();

/** Whether an import clause brings in types only (`import type {…}` or every specifier `type …`). */
function typeOnly(typeKeyword, clause) {
  if (typeKeyword) return true;
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1].split(',').map((name) => name.trim()).filter(Boolean);
  return names.length > 0 && names.every((name) => name.startsWith('type '));
}

/** The relative imports of a file: where each leads and whether it is type-only (cached by mtime). */
function importsOf(file) {
  let mtime;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const cached = files.get(file);
  if (cached?.mtime === mtime) return cached.imports;
  const text = readFileSync(file, 'utf8');
  const imports = [...text.matchAll(STATEMENT)].map((match) => ({ target: resolve(dirname(file), match[3]), typeOnly: typeOnly(match[1], match[2]) }));
  files.set(file, { mtime, imports });
  return imports;
}

/** The route back to `origin` from `start` that uses a type-only import, if there is one. */
function typeCycle(origin, start, startTypeOnly) {
  const seen = new Set();
  const queue = [{ file: start, sawType: startTypeOnly, route: [start] }];
  while (queue.length > 0) {
    const { file, sawType, route } = queue.shift();
    const key = `${file}\0${sawType}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const next of importsOf(file)) {
      const nextSawType = sawType || next.typeOnly;
      if (next.target === origin) {
        if (nextSawType) return route;
        continue;
      }
      queue.push({ file: next.target, sawType: nextSawType, route: [...route, next.target] });
    }
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles that go through a type-only import' },
    messages: { cycle: 'Import cycle through a type-only import: {{route}} → back here' },
    schema: [],
  },
  create(context) {
    const origin = resolve(context.filename);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const nodeTypeOnly =
        node.importKind === 'type' ||
        node.exportKind === 'type' ||
        (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
      const route = typeCycle(origin, resolve(dirname(origin), source), nodeTypeOnly);
      if (route) {
        const cwd = context.cwd ?? process.cwd();
        context.report({ node, messageId: 'cycle', data: { route: route.map((file) => file.replace(`${cwd}/`, '')).join(' → ') } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

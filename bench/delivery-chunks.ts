// What the console's initial load is made of: builds the console (its own Vite config, into a
// temporary directory) and prints, for the entry and the screens named, every chunk the browser
// loads before the screen shows (the entry and each screen's chunk with their static imports), its
// gzip size, and the modules in it by size (the module's rendered code alone, gzipped on its own,
// so the per-module figures add up to more than the chunk's: read them as proportions).
// The byte figure of record is `delivery.bench.ts` (what Chromium really loads); this tells why.
//
//   npx tsx bench/delivery-chunks.ts                         # the instance list
//   npx tsx bench/delivery-chunks.ts --screen network-topology-page.tsx --top 40
//   npx tsx bench/delivery-chunks.ts --all                   # every chunk of the build, largest first
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rollup } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CONSOLE = join(ROOT, 'apps/console');
const KiB = 1024;

const { values } = parseArgs({
  options: {
    screen: { type: 'string', multiple: true, default: ['instances-page.tsx'] },
    top: { type: 'string', default: '25' },
    all: { type: 'boolean', default: false },
  },
});

interface ModuleFigure {
  id: string;
  raw: number;
  gzip: number;
}

interface ChunkFigure {
  fileName: string;
  isEntry: boolean;
  facade: string | null;
  imports: string[];
  dynamicImports: string[];
  raw: number;
  gzip: number;
  modules: ModuleFigure[];
}

const gz = (text: string) => gzipSync(text, { level: 9 }).length;
const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;

/** The module's path as read in the report: the package for a library, the source path otherwise. */
function label(id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nodeModules = clean.lastIndexOf('node_modules/');
  if (nodeModules >= 0) return clean.slice(nodeModules + 'node_modules/'.length);
  return relative(CONSOLE, clean);
}

function report(into: ChunkFigure[]): Plugin {
  return {
    name: 'sandcloud:chunk-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const chunk = output as Rollup.OutputChunk;
        const modules = Object.entries(chunk.modules)
          .map(([id, module]) => ({ id: label(id), raw: module.renderedLength, gzip: module.code ? gz(module.code) : 0 }))
          .filter((module) => module.raw > 0);
        into.push({
          fileName: chunk.fileName,
          isEntry: chunk.isEntry,
          facade: chunk.facadeModuleId ? label(chunk.facadeModuleId) : null,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          raw: chunk.code.length,
          gzip: gz(chunk.code),
          modules,
        });
      }
    },
  };
}

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'sandcloud-chunks-'));
  const chunks: ChunkFigure[] = [];
  try {
    await build({ root: CONSOLE, configFile: join(CONSOLE, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true }, plugins: [report(chunks)] });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const top = Number(values.top);

  const closure = (start: ChunkFigure[]) => {
    const seen = new Set<string>();
    const visit = (chunk: ChunkFigure) => {
      if (seen.has(chunk.fileName)) return;
      seen.add(chunk.fileName);
      for (const name of chunk.imports) {
        const next = byName.get(name);
        if (next) visit(next);
      }
    };
    start.forEach(visit);
    return [...seen].map((name) => byName.get(name)!);
  };

  const entries = chunks.filter((chunk) => chunk.isEntry);
  const screens = values.screen.map((name) => {
    const chunk = chunks.find((candidate) => candidate.facade?.endsWith(name));
    if (!chunk) throw new Error(`No chunk has ${name} as its module`);
    return chunk;
  });
  const initial = values.all ? chunks : closure([...entries, ...screens]);
  initial.sort((a, b) => b.gzip - a.gzip);

  const total = initial.reduce((sum, chunk) => sum + chunk.gzip, 0);
  console.log(values.all ? `Every chunk (${initial.length})` : `Initial load of ${values.screen.join(', ')}: ${initial.length} chunks, ${kib(total)} gzip (each chunk gzipped at level 9, as its .gz twin)`);
  console.log('\n| chunk | module it stands for | raw | gzip |\n|---|---|---|---|');
  for (const chunk of initial) console.log(`| ${chunk.fileName} | ${chunk.facade ?? (chunk.isEntry ? 'entry' : '—')} | ${kib(chunk.raw)} | ${kib(chunk.gzip)} |`);
  if (values.all) return;
  for (const chunk of initial) {
    console.log(`\n${chunk.fileName} (${kib(chunk.gzip)} gzip): the largest modules, each gzipped alone`);
    const modules = [...chunk.modules].sort((a, b) => b.gzip - a.gzip);
    for (const module of modules.slice(0, top)) console.log(`  ${kib(module.gzip).padStart(10)}  ${kib(module.raw).padStart(10)} raw  ${module.id}`);
    if (modules.length > top) {
      const rest = modules.slice(top);
      console.log(`  ${kib(rest.reduce((sum, module) => sum + module.gzip, 0)).padStart(10)}  ${rest.length} more modules`);
    }
  }
}

await main();

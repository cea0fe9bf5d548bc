// Compiles the server to JavaScript, apps/bff/dist/server.js, so `npm run serve` starts it with plain
// `node` instead of compiling TypeScript at every start (tsx stays for `npm run dev`).
// Everything is bundled into a few files, the workspace packages (TypeScript sources) and the
// libraries from node_modules alike: Node then reads and compiles a few files at start instead of
// resolving, reading and wrapping some five hundred CommonJS modules (about a quarter of the CPU to
// the first answer). What stays an import, resolved by Node at run time: native addons
// (better-sqlite3), and libraries with optional native parts they look for at run time (ssh2, ws).
// The data plane (ssh2 with it) is a chunk of its own, loaded once the server listens.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages left to Node's resolution at run time (see above). */
const EXTERNAL = new Set(['better-sqlite3', 'ssh2', 'ws']);
const packageName = (path) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');

const externals = {
  name: 'externals',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => (EXTERNAL.has(packageName(args.path)) ? { path: args.path, external: true } : undefined));
  },
};

const started = performance.now();
rmSync(resolve(root, 'apps/bff/dist'), { recursive: true, force: true });
const result = await build({
  entryPoints: [resolve(root, 'apps/bff/src/server.ts')],
  outdir: resolve(root, 'apps/bff/dist'),
  bundle: true,
  // The data plane is imported once the server listens: its own chunk, loaded then.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  // Names stay readable in stack traces and profiles; the file is read once at start.
  minify: false,
  legalComments: 'none',
  // Bundled CommonJS libraries call require() for Node's own modules: give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
  plugins: [externals],
});
const files = Object.entries(result.metafile.outputs).filter(([file]) => !file.endsWith('.map'));
const sizes = files.map(([file, { bytes }]) => `${file.replace(/^.*apps\/bff\/dist\//, '')} ${(bytes / 1024).toFixed(0)} KiB`);
console.log(`apps/bff/dist: ${sizes.join(', ')} (${Math.round(performance.now() - started)} ms)`);

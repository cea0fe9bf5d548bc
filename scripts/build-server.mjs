// Compiles the server to one JavaScript file, apps/bff/dist/server.js, so `npm run serve` starts it
// with plain `node` instead of compiling TypeScript at every start (tsx stays for `npm run dev`).
// The workspace packages (@sandcloud/*, TypeScript sources) are bundled in; everything from
// node_modules stays an import, resolved by Node at run time (native addons such as better-sqlite3
// cannot be bundled, and the others need not be).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bare imports are external unless they name a workspace package. */
const nodeModulesExternal = {
  name: 'node-modules-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@sandcloud/') ? undefined : { path: args.path, external: true }));
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
  metafile: true,
  logLevel: 'warning',
  plugins: [nodeModulesExternal],
});
const files = Object.entries(result.metafile.outputs).filter(([file]) => !file.endsWith('.map'));
const sizes = files.map(([file, { bytes }]) => `${file.replace(/^.*apps\/bff\/dist\//, '')} ${(bytes / 1024).toFixed(0)} KiB`);
console.log(`apps/bff/dist: ${sizes.join(', ')} (${Math.round(performance.now() - started)} ms)`);

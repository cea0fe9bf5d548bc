// Console delivery: what a browser downloads to open the console, and how soon it paints.
//
//   1. Bytes of the initial load of the instance list (every script and style sheet it loads, from
//      index.html to the screen's chunks): raw, gzip and brotli from the build's files and their
//      twins, and what Chromium counted on the wire; the topology's layout worker likewise.
//   2. Largest Contentful Paint (LCP) in Debian's Chromium, cold cache (a new browser profile per
//      load), of the instance list and of the topology, on a project of 1,000 instances (seeded as
//      bench/topology.bench.ts does), served by the compiled production server.
//
// Targets (issue 16): initial JS ≤ 200 KiB gzipped, layout worker < 300 KiB gzipped, LCP of the
// instance list < 1.0 s and of the topology (1,000 instances) < 1.5 s. Exit code 1 when one is missed.
// See bench/README.md.
import type { Browser, BrowserContext } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serverEnv } from './support/server.ts';
import { median } from './support/stats.ts';
import { launchBrowser, seedProject, signedInContext } from './topology.bench.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'apps/console/dist');
const KiB = 1024;
const TARGETS = { initialJsGzip: 200 * KiB, workerGzip: 300 * KiB, listLcpMs: 1000, topologyLcpMs: 1500 };

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    'skip-build': { type: 'boolean', default: false },
    /** Lists every file of the instance list's initial load with its size. */
    files: { type: 'boolean', default: false },
  },
});
const instanceCount = Number(values.instances);
const rounds = Number(values.rounds);

interface Sizes {
  raw: number;
  gzip: number;
  br: number;
}

/** A file of the build and its precompressed twins (a file without twins is sent as it is). */
function sizesOf(path: string): Sizes {
  const size = (file: string) => (existsSync(file) ? statSync(file).size : undefined);
  const raw = statSync(path).size;
  return { raw, gzip: size(`${path}.gz`) ?? raw, br: size(`${path}.br`) ?? raw };
}

const sum = (list: Sizes[]): Sizes => list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, br: a.br + b.br }), { raw: 0, gzip: 0, br: 0 });
const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;

async function startServer(dataDir: string, port: number) {
  const child = spawn(process.execPath, ['apps/bff/dist/server.js'], {
    cwd: ROOT,
    env: { ...process.env, ...serverEnv(port, dataDir, '203.0.119.10-203.0.119.250') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const started = performance.now(); ; ) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    if (performance.now() - started > 120_000) throw new Error('The server was not healthy within 120 s');
    const status = await fetch(`${url}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  return { url, stop: () => child.kill('SIGTERM') };
}

interface Load {
  lcpMs: number;
  /** Scripts and style sheets of the console the page loaded (paths under /assets/). */
  assets: string[];
  /** Bytes Chromium received for them (headers included), and for the API's answers, and decoded. */
  assetWire: number;
  apiWire: number;
  apiDecoded: number;
}

/** Opens `path` in a new browser profile (nothing cached) and waits for `ready`; LCP from the page. */
async function coldLoad(browser: Browser, url: string, path: string, ready: string): Promise<Load> {
  const context: BrowserContext = await signedInContext(browser, url);
  try {
    await context.addInitScript({
      content: `new PerformanceObserver((list) => { for (const entry of list.getEntries()) globalThis.__lcp = entry.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });`,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const requests = new Map<string, { url: string; wire: number; decoded: number }>();
    cdp.on('Network.requestWillBeSent', (event) => requests.set(event.requestId, { url: event.request.url, wire: 0, decoded: 0 }));
    cdp.on('Network.dataReceived', (event) => {
      const request = requests.get(event.requestId);
      if (request) request.decoded += event.dataLength;
    });
    cdp.on('Network.loadingFinished', (event) => {
      const request = requests.get(event.requestId);
      if (request) request.wire = event.encodedDataLength;
    });
    await page.goto(path);
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    // LCP is final once the page has painted what it shows; give the observer that frame.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const lcpMs = await page.evaluate(() => (globalThis as { __lcp?: number }).__lcp ?? NaN);
    const all = [...requests.values()];
    const assets = all.filter((r) => new URL(r.url).pathname.startsWith('/assets/'));
    const api = all.filter((r) => new URL(r.url).pathname.startsWith('/api/'));
    return {
      lcpMs,
      assets: assets.map((r) => new URL(r.url).pathname),
      assetWire: assets.reduce((total, r) => total + r.wire, 0),
      apiWire: api.reduce((total, r) => total + r.wire, 0),
      apiDecoded: api.reduce((total, r) => total + r.decoded, 0),
    };
  } finally {
    await context.close();
  }
}

async function main() {
  if (!values['skip-build'] || !existsSync(join(ROOT, 'apps/bff/dist/server.js'))) {
    console.log('Building (npm run build)…');
    if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-delivery-bench-'));
  const seed = seedProject(dataDir, instanceCount);
  const server = await startServer(dataDir, 18_950 + (process.pid % 40));
  const browser = await launchBrowser();
  let failed: boolean;
  try {
    const list = `/projects/${seed.projectId}/compute/instances`;
    const topology = `/projects/${seed.projectId}/compute/network/topology`;
    const listLoads: Load[] = [];
    const topologyLoads: Load[] = [];
    for (let round = 0; round < rounds; round++) {
      listLoads.push(await coldLoad(browser, server.url, list, 'table tbody tr'));
      topologyLoads.push(await coldLoad(browser, server.url, topology, '[data-testid="topology-canvas"][data-ready="true"]'));
    }

    // 1. Bytes of the instance list's initial load, per kind, from the build's files.
    const first = listLoads[0]!;
    const files = [...new Set(first.assets)].map((path) => ({ path, sizes: sizesOf(join(DIST, path)) }));
    const js = sum(files.filter((f) => f.path.endsWith('.js')).map((f) => f.sizes));
    const css = sum(files.filter((f) => f.path.endsWith('.css')).map((f) => f.sizes));
    const worker = readdirSync(join(DIST, 'assets')).find((name) => /^layout\.worker-.*\.js$/.test(name));
    const workerSizes = worker ? sizesOf(join(DIST, 'assets', worker)) : { raw: NaN, gzip: NaN, br: NaN };
    const jsMet = js.gzip <= TARGETS.initialJsGzip;
    const workerMet = workerSizes.gzip < TARGETS.workerGzip;
    console.log(`Console delivery, ${instanceCount.toLocaleString('en')} instances, ${rounds} cold loads each (load average ${loadavg()[0]!.toFixed(1)})\n`);
    console.log(`Initial load of the instance list: ${files.length} files (${files.filter((f) => f.path.endsWith('.js')).length} scripts)\n`);
    console.log('| what | raw | gzip | brotli (sent) | on the wire, Chromium | target |');
    console.log('|---|---|---|---|---|---|');
    console.log(`| initial JS | ${kib(js.raw)} | **${kib(js.gzip)}** | ${kib(js.br)} | | ≤ 200 KiB gzip ${jsMet ? 'met' : 'missed'} |`);
    console.log(`| initial CSS | ${kib(css.raw)} | ${kib(css.gzip)} | ${kib(css.br)} | | |`);
    console.log(`| initial JS + CSS | ${kib(js.raw + css.raw)} | ${kib(js.gzip + css.gzip)} | ${kib(js.br + css.br)} | ${kib(median(listLoads.map((l) => l.assetWire)))} | |`);
    console.log(`| layout worker (topology) | ${kib(workerSizes.raw)} | **${kib(workerSizes.gzip)}** | ${kib(workerSizes.br)} | | < 300 KiB gzip ${workerMet ? 'met' : 'missed'} |`);
    console.log(`| API answers, instance list | ${kib(median(listLoads.map((l) => l.apiDecoded)))} | | | ${kib(median(listLoads.map((l) => l.apiWire)))} | |`);
    console.log(`| API answers, topology | ${kib(median(topologyLoads.map((l) => l.apiDecoded)))} | | | ${kib(median(topologyLoads.map((l) => l.apiWire)))} | |`);
    // Each file of the initial load, largest first: which chunks weigh (bench/delivery-chunks.ts says what is in each).
    if (values.files) {
      console.log('\n| file of the initial load | raw | gzip |\n|---|---|---|');
      for (const file of [...files].sort((a, b) => b.sizes.gzip - a.sizes.gzip)) console.log(`| ${file.path} | ${kib(file.sizes.raw)} | ${kib(file.sizes.gzip)} |`);
    }

    // 2. LCP, cold cache.
    const listLcp = median(listLoads.map((l) => l.lcpMs));
    const topologyLcp = median(topologyLoads.map((l) => l.lcpMs));
    const listMet = listLcp < TARGETS.listLcpMs;
    const topologyMet = topologyLcp < TARGETS.topologyLcpMs;
    console.log('\n| screen, cold cache | LCP median | min–max | target |');
    console.log('|---|---|---|---|');
    for (const [name, loads, value, target, met] of [
      ['instance list', listLoads, listLcp, TARGETS.listLcpMs, listMet],
      [`topology (${instanceCount.toLocaleString('en')} instances)`, topologyLoads, topologyLcp, TARGETS.topologyLcpMs, topologyMet],
    ] as const) {
      const all = loads.map((l) => l.lcpMs);
      console.log(`| ${name} | **${Math.round(value)} ms** | ${Math.round(Math.min(...all))}–${Math.round(Math.max(...all))} ms | < ${target} ms ${met ? 'met' : 'missed'} |`);
    }
    console.log(`\nload average after: ${loadavg()[0]!.toFixed(1)}`);
    failed = !(jsMet && workerMet && listMet && topologyMet);
  } finally {
    await browser.close();
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

await main();

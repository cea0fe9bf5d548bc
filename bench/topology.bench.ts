/**
 * Network Topology benchmark: time to the first complete drawing and frame rate while panning, for
 * projects of 100, 500 and 1,000 instances, in Chromium against the production server.
 *
 *   npx tsx bench/topology.bench.ts                 # 100, 500, 1000 instances
 *   npx tsx bench/topology.bench.ts --sizes 1000    # one size
 *   npx tsx bench/topology.bench.ts --skip-build    # reuse apps/console/dist
 *
 * Each size gets its own temporary data directory, seeded through the engine (quotas raised for
 * the purpose) before the server starts on it. Exit code 1 when the largest size misses a target.
 * See bench/README.md.
 */
import { createEngine, ManualClock } from '@sandcloud/engine';
import { addNetwork } from '@sandcloud/engine/testing';
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_ADMIN as ADMIN, serverEnv } from './support/server.ts';
import { median } from './support/stats.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';
/** Instances per private network: a /24 has 252 free addresses. */
const PER_NETWORK = 200;
const TARGETS = { renderMs: 1500, fps: 30 };

export interface SeedSummary {
  projectId: string;
  instances: number;
  networks: number;
  floatingIps: number;
  volumes: number;
  loadBalancers: number;
}

/**
 * Writes a project of `count` instances into `dataDir`, through the engine: networks of 200
 * instances behind the Default Router, one in five with a floating IP (up to 200), one in twenty
 * stopped, a volume on one in ten, ICMP and SSH open in the default group, one load balancer.
 */
export function seedProject(dataDir: string, count: number): SeedSummary {
  const clock = new ManualClock(Date.now());
  const engine = createEngine({
    databasePath: join(dataDir, 'sandcloud.db'),
    clock,
    quotas: { instances: count, vcpus: count, ramMb: count * 1024, floatingIps: 250, volumes: count, volumeGb: count * 10, networks: Math.ceil(count / PER_NETWORK) + 1 },
  });
  try {
    engine.ensureAdmin(ADMIN.username, ADMIN.password);
    const admin = engine.identity.findUser(ADMIN.username)!;
    const project = engine.projects.create(admin, { name: `bench-${count}` });
    engine.activateCompute(project.id);
    const { network, keyPairs, securityGroups, instances, floatingIps, volumes, loadBalancers } = engine.modules;
    const projectId = project.id;

    keyPairs.import(projectId, 'bench', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx bench@sandcloud');
    const group = securityGroups.list(projectId).find((g) => g.name === 'default')!;
    const open = { direction: 'ingress', etherType: 'IPv4', portRangeMin: null, portRangeMax: null, remoteIpPrefix: '0.0.0.0/0', remoteGroupId: null } as const;
    securityGroups.addRule(projectId, group.id, { ...open, protocol: 'icmp' });
    securityGroups.addRule(projectId, group.id, { ...open, protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 });

    // More networks than the default one: a /24 per 200 instances, all behind the Default Router.
    const networkIds = [network.networks(projectId)[0]!.id];
    for (let k = 1; k < Math.ceil(count / PER_NETWORK); k++) {
      networkIds.push(addNetwork(engine, projectId, { name: `bench-net-${k}`, cidr: `10.${k}.0.0/24` }).network.id);
    }

    const created: { id: string; portId: string | null }[] = [];
    for (let index = 0; created.length < count; index++) {
      const networkId = networkIds[Math.floor(created.length / PER_NETWORK)]!;
      const batch = Math.min(10, count - created.length, PER_NETWORK - (created.length % PER_NETWORK));
      created.push(
        ...instances.create(projectId, {
          name: `vm${String(index).padStart(3, '0')}`,
          imageId: UBUNTU,
          flavorId: 't2.c1m1',
          zone: 'kr-pub-a',
          rootDiskGb: 20,
          count: batch,
          keyName: 'bench',
          securityGroupIds: [group.id],
          networkId,
        }),
      );
    }
    engine.advance(5_000);

    let floating = 0;
    for (let i = 0; i < created.length && floating < Math.min(200, Math.floor(count / 5)); i += 5) {
      const ip = floatingIps.allocate(projectId);
      floatingIps.associate(projectId, ip.id, created[i]!.portId!);
      floating++;
    }
    for (let i = 3; i < created.length; i += 20) instances.stop(projectId, created[i]!.id);
    const withVolume = created.filter((_, i) => i % 10 === 1);
    const made = withVolume.map((_, n) => volumes.create(projectId, { name: `data-${n}`, sizeGb: 10 }));
    engine.advance(3_000);
    made.forEach((volume, n) => volumes.attach(projectId, volume.id, withVolume[n]!.id));
    engine.advance(3_000);

    let balancers = 0;
    try {
      const subnetId = network.networks(projectId).find((n) => n.id === networkIds[0])!.subnetIds[0]!;
      loadBalancers.create(projectId, {
        name: 'web-lb',
        subnetId,
        listener: { protocol: 'HTTP', protocolPort: 80 },
        pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: created.slice(0, 4).map((i) => ({ instanceId: i.id })), healthMonitor: { type: 'HTTP', monitorPort: 80 } },
      });
      engine.advance(5_000);
      balancers = 1;
    } catch (error) {
      console.warn(`  (no load balancer seeded: ${(error as Error).message})`);
    }
    return { projectId, instances: created.length, networks: networkIds.length, floatingIps: floating, volumes: made.length, loadBalancers: balancers };
  } finally {
    engine.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The production server on a data directory, as playwright.config.ts starts it. */
export async function startServer(dataDir: string): Promise<{ url: string; pid: number | undefined; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/bff/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...serverEnv(port, dataDir) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    try {
      await fetch(`${url}/api/auth/session`);
      return { url, pid: child.pid, stop };
    } catch {
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  stop();
  throw new Error('The server did not start within 30 s');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A signed-in browser context (the session cookie set through the API, as the login form would). */
export async function signedInContext(browser: Browser, url: string) {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1600, height: 1000 } });
  const response = await context.request.post('/api/auth/login', { data: ADMIN });
  if (!response.ok()) throw new Error(`Login failed: ${response.status()}`);
  // tsx compiles the page.evaluate callbacks below with esbuild's name helper; give the page one.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  return context;
}

interface RenderSample {
  /** From the start (navigation, or the click on the menu) to the graph laid out and painted (`topology:ready`). */
  readyMs: number;
  /** The topology request alone (server + transfer). */
  fetchMs: number;
  /** From the data arriving to the layout applied: model, and ELK in the worker unless remembered. */
  layoutMs: number;
  renderedNodes: number;
}

const READY = '[data-testid="topology-canvas"][data-ready="true"]';

/** Timings of the last topology drawing in the page, relative to `startedAt` (0 = navigation start). */
async function readTimings(page: Page, startedAt = 0): Promise<RenderSample> {
  return page.evaluate((origin) => {
    const mark = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
    const fetch = performance
      .getEntriesByType('resource')
      .filter((entry) => /\/topology(\?|$)/.test(entry.name))
      .at(-1) as PerformanceResourceTiming | undefined;
    return {
      readyMs: mark('topology:ready') - origin,
      fetchMs: fetch ? fetch.responseEnd - fetch.startTime : NaN,
      layoutMs: fetch ? mark('topology:layout') - fetch.responseEnd : NaN,
      renderedNodes: document.querySelectorAll('.react-flow__node').length,
    };
  }, startedAt);
}

/** Opens the topology by its URL, in a new tab. */
async function measureLoad(page: Page, projectId: string): Promise<RenderSample> {
  await page.goto(`/projects/${projectId}/compute/network/topology`);
  await page.locator(READY).waitFor({ timeout: 60_000 });
  return readTimings(page);
}

/** Opens the topology from the left menu of a console already open on another screen. */
async function measureMenuOpen(page: Page, projectId: string, forgetLayout: boolean): Promise<RenderSample> {
  await page.goto(`/projects/${projectId}/compute/key-pairs`);
  await page.getByRole('navigation', { name: 'Compute & Network' }).waitFor();
  if (forgetLayout) await page.evaluate(() => localStorage.clear());
  await page.waitForTimeout(500);
  const startedAt = await page.evaluate(() => performance.now());
  await page.getByRole('navigation', { name: 'Compute & Network' }).getByRole('link', { name: 'Network Topology' }).click();
  await page.locator(READY).waitFor({ timeout: 60_000 });
  return readTimings(page, startedAt);
}

interface PanSample {
  fps: number;
  p95FrameMs: number;
  longFrames: number;
  renderedNodes: number;
}

/** Drags the pane for `durationMs` with the mouse, counting the frames Chromium paints meanwhile. */
async function measurePan(page: Page, durationMs = 2_500): Promise<PanSample> {
  // Start on the background, away from nodes and panels, as a user grabbing the canvas would.
  const { cx, cy } = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + pane.height * 0.3; y < pane.bottom - 40; y += 17) {
      for (let x = pane.left + pane.width * 0.3; x < pane.right - 260; x += 23) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { cx: x, cy: y };
      }
    }
    return { cx: pane.left + pane.width / 2, cy: pane.top + pane.height / 2 };
  });
  await page.evaluate(() => {
    const state = { frames: [] as number[], running: true };
    (window as unknown as { __pan: typeof state }).__pan = state;
    const tick = (time: number) => {
      state.frames.push(time);
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < durationMs) {
    // A slow figure of eight, so the pan keeps bringing other parts of the graph into view.
    const angle = step++ / 12;
    await page.mouse.move(cx + Math.sin(angle) * 200, cy + Math.sin(angle * 2) * 120);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const state = (window as unknown as { __pan: { frames: number[]; running: boolean } }).__pan;
    state.running = false;
    const gaps = state.frames.slice(1).map((time, index) => time - state.frames[index]!);
    const sorted = [...gaps].sort((a, b) => a - b);
    const seconds = (state.frames.at(-1)! - state.frames[0]!) / 1000;
    return {
      fps: gaps.length / seconds,
      p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
      longFrames: gaps.filter((gap) => gap > 50).length,
      renderedNodes: document.querySelectorAll('.react-flow__node').length,
    };
  });
}

/** Zooms in on an instance the way a user would: search it by name (the view centres it at zoom 1). */
async function zoomToInstance(page: Page, name: string): Promise<number> {
  const search = page.getByRole('combobox', { name: /이름 또는 IP|name or IP/ });
  await search.fill(name);
  await search.press('Enter');
  await page.locator('[data-testid="topology-details"]').waitFor();
  await page.waitForTimeout(800);
  // Close the details, so the canvas is as wide as before.
  await page.getByRole('button', { name: /상세 정보 닫기|Close details/ }).click();
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const transform = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
    return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 1);
  });
}

const ms = (value: number) => `${Math.round(value)} ms`;

async function benchSize(browser: Browser, count: number) {
  const dataDir = mkdtempSync(join(tmpdir(), `sandcloud-bench-${count}-`));
  const seedStarted = Date.now();
  const seed = seedProject(dataDir, count);
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const server = await startServer(dataDir);
  try {
    // A new browser profile: nothing cached, no layout remembered.
    const context = await signedInContext(browser, server.url);
    const cold = await measureLoad(await context.newPage(), seed.projectId);
    const page = await context.newPage();
    const firstOpen: RenderSample[] = [];
    const reopen: RenderSample[] = [];
    for (let run = 0; run < 3; run++) firstOpen.push(await measureMenuOpen(page, seed.projectId, true));
    for (let run = 0; run < 3; run++) reopen.push(await measureMenuOpen(page, seed.projectId, false));
    const reload = await measureLoad(page, seed.projectId);

    const panWhole = await measurePan(page);
    const names = (await (await context.request.get(`/api/projects/${seed.projectId}/topology`)).json()) as { instances: { name: string }[] };
    const zoom = await zoomToInstance(page, names.instances[Math.floor(names.instances.length / 2)]!.name);
    const panDetail = await measurePan(page);
    // The reachability overlay: the same answer with every instance's ping / SSH / HTTP verdicts.
    const overlayStarted = performance.now();
    const overlay = await context.request.get(`/api/projects/${seed.projectId}/topology?reachability=internet`);
    if (!overlay.ok()) throw new Error(`reachability: ${overlay.status()}`);
    const overlayMs = performance.now() - overlayStarted;
    await context.close();
    return { count, seed, seedSeconds, cold, firstOpen, reopen, reload, panWhole, panDetail, zoom, overlayMs };
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : undefined;
  const sizes = sizesArg ? sizesArg.split(',').map(Number) : [100, 500, 1000];
  if (!args.includes('--skip-build') || !existsSync(join(ROOT, 'apps/console/dist/index.html'))) {
    console.log('Building the console…');
    const build = spawnSync('npm', ['run', 'build', '-w', '@sandcloud/console'], { cwd: ROOT, stdio: 'ignore' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const browser = await launchBrowser();
  const results = [];
  try {
    for (const count of sizes) {
      console.log(`Seeding and measuring ${count} instances… (load average ${loadavg()[0]!.toFixed(1)})`);
      const result = await benchSize(browser, count);
      console.log(
        `  seeded ${result.seed.instances} instances, ${result.seed.networks} networks, ${result.seed.floatingIps} floating IPs, ${result.seed.volumes} volumes, ${result.seed.loadBalancers} load balancer(s) in ${result.seedSeconds.toFixed(1)} s`,
      );
      results.push(result);
    }
  } finally {
    await browser.close();
  }

  const rows = results.map((r) => {
    const opened = median(r.firstOpen.map((sample) => sample.readyMs));
    return {
      instances: r.count,
      'new tab, cold': ms(r.cold.readyMs),
      'menu → drawn': `${ms(opened)} (fetch ${ms(median(r.firstOpen.map((x) => x.fetchMs)))}, layout ${ms(median(r.firstOpen.map((x) => x.layoutMs)))})`,
      'menu → drawn, layout remembered': ms(median(r.reopen.map((sample) => sample.readyMs))),
      'reload': ms(r.reload.readyMs),
      'pan fps, whole graph': `${r.panWhole.fps.toFixed(0)} (p95 ${r.panWhole.p95FrameMs.toFixed(0)} ms, ${r.panWhole.renderedNodes} nodes)`,
      [`pan fps, zoom ${r.zoom.toFixed(1)}`]: `${r.panDetail.fps.toFixed(0)} (p95 ${r.panDetail.p95FrameMs.toFixed(0)} ms, ${r.panDetail.renderedNodes} nodes)`,
      'overlay API': ms(r.overlayMs),
      targets: opened < TARGETS.renderMs && r.panWhole.fps >= TARGETS.fps && r.panDetail.fps >= TARGETS.fps ? 'met' : 'NOT met',
    };
  });
  console.log(`\nNetwork Topology — targets: first render < ${TARGETS.renderMs} ms at 1,000 instances, panning ≥ ${TARGETS.fps} fps`);
  console.log(`${cpus().length} CPUs, load average ${loadavg().map((value) => value.toFixed(1)).join(' / ')} (1 / 5 / 15 min) — other work on the machine slows every number\n`);
  console.table(rows);
  console.log(`
new tab, cold          a new browser profile opens the topology URL: console, session, layout worker, data, drawing
menu → drawn           in an open console, click [Network] > [Network Topology] until the graph is painted (median of 3)
  … layout remembered  the same, opened again: the last layout is kept in the browser, ELK is not waited for
reload                 the topology URL reloaded in a tab that has the console cached
pan fps                frames painted per second while the mouse drags the canvas (whole graph, then zoomed in)
overlay API            GET /topology?reachability=internet: ping / SSH / HTTP verdicts of every instance
targets                menu → drawn < ${TARGETS.renderMs} ms and both pans ≥ ${TARGETS.fps} fps`);
  const largest = rows.at(-1);
  if (largest && largest.targets !== 'met') process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

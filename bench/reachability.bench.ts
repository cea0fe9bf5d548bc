/**
 * Reachability overlay benchmark: the Network Topology's `GET /topology?reachability=internet`
 * (ping / SSH / HTTP verdicts from the Internet for every instance) on a project of 1,000
 * instances, against the production server — no browser.
 *
 *   npx tsx bench/reachability.bench.ts                # 1,000 instances, 5 rounds
 *   npx tsx bench/reachability.bench.ts --size 500 --rounds 9
 *
 * Seeds the project as `topology.bench.ts` does, then measures:
 * - in the engine (this process, on the seeded database): the 3 verdicts of every instance one
 *   `connectivity.testInstance` at a time, and in one batch (`connectivity.snapshot` of the
 *   project, then `connectivity.testInstances`);
 * - over HTTP: the topology without the overlay, the overlay after a change in the project (a
 *   security group rule added or removed, so the BFF's cached verdicts are dropped and every
 *   verdict is evaluated again), and the overlay answered from that cache. The server is left
 *   alone for a moment after it starts and after each change, while the data plane rebinds the
 *   floating IPs' endpoints, so that the requests are timed rather than that work.
 * Exit code 1 when the overlay after a change misses its target. See bench/README.md.
 */
import type { ConnectivityTest } from '@sandcloud/domain';
import { createEngine, DEFAULT_INTERNET_SOURCE, ManualClock, type Engine } from '@sandcloud/engine';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seedProject, startServer } from './topology.bench.ts';

const ADMIN = { username: 'admin', password: 'bench-admin-password' };
const TESTS: ConnectivityTest[] = ['ping', 'ssh', 'http'];
const TARGET_MS = 300;
/** Linux's USER_HZ: the unit of the CPU times in /proc/<pid>/stat. */
const CLOCK_TICKS_PER_SECOND = 100;
/** How long the server is left alone after starting and after each change (see measureHttp). */
const SETTLE_MS = 1_500;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

/** Engine-level timings on the seeded database: one verdict at a time, then the batch. */
function measureEngine(dataDir: string, projectId: string, rounds: number) {
  const engine: Engine = createEngine({ databasePath: join(dataDir, 'sandcloud.db'), clock: new ManualClock(Date.now()) });
  try {
    const { instances, connectivity } = engine.modules;
    const single: number[] = [];
    const batch: number[] = [];
    for (let round = 0; round < rounds; round++) {
      single.push(
        timed(() => {
          for (const instance of instances.list(projectId)) {
            for (const test of TESTS) connectivity.testInstance(instance, test, DEFAULT_INTERNET_SOURCE);
          }
        }).ms,
      );
      batch.push(timed(() => connectivity.testInstances(connectivity.snapshot(projectId), instances.list(projectId), DEFAULT_INTERNET_SOURCE)).ms);
    }
    return { single: median(single), batch: median(batch) };
  } finally {
    engine.close();
  }
}

/** A signed-in HTTP client: the session cookie and the CSRF token, as the console keeps them. */
async function signIn(url: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`Login failed: ${response.status}`);
  const cookie = response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: object) => {
    const answer = await fetch(`${url}/api${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
    return answer.status === 204 ? undefined : ((await answer.json()) as unknown);
  };
  return call;
}

/**
 * CPU time (user + system, ms) the server process has used so far, from /proc on Linux: less
 * sensitive than wall-clock time to the other work on the machine. NaN elsewhere.
 */
function serverCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

interface Sample {
  ms: number;
  cpuMs: number;
}

async function measureHttp(url: string, pid: number | undefined, projectId: string, rounds: number) {
  const call = await signIn(url);
  const base = `/projects/${projectId}`;
  const groups = (await call('GET', `${base}/security-groups`)) as { items: { id: string; name: string }[] };
  const groupId = groups.items.find((group) => group.name === 'default')!.id;
  const timeGet = async (path: string): Promise<Sample> => {
    const cpuBefore = serverCpuMs(pid);
    const started = performance.now();
    await call('GET', path);
    return { ms: performance.now() - started, cpuMs: serverCpuMs(pid) - cpuBefore };
  };

  // The data plane binds every floating IP's endpoints when the server starts, and reconciles them
  // after each network change; let it finish, so that the requests are timed, not that work.
  const settle = () => new Promise((done) => setTimeout(done, SETTLE_MS));
  await new Promise((done) => setTimeout(done, 4 * SETTLE_MS));
  await timeGet(`${base}/topology`); // warm up (the first request compiles and fills caches)
  const plain: Sample[] = [];
  const afterChange: Sample[] = [];
  const cached: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    plain.push(await timeGet(`${base}/topology`));
    // A change in the project (HTTP opened, then closed again) drops the BFF's cached verdicts.
    const group = (await call('POST', `${base}/security-groups/${groupId}/rules`, {
      direction: 'ingress',
      etherType: 'IPv4',
      protocol: 'tcp',
      portRangeMin: 80,
      portRangeMax: 80,
      remoteIpPrefix: '0.0.0.0/0',
    })) as { rules: { id: string; portRangeMin: number | null }[] };
    const rule = group.rules.find((r) => r.portRangeMin === 80)!;
    await settle();
    afterChange.push(await timeGet(`${base}/topology?reachability=internet`));
    cached.push(await timeGet(`${base}/topology?reachability=internet`));
    await call('DELETE', `${base}/security-groups/${groupId}/rules/${rule.id}`);
    await settle();
  }
  const summary = (samples: Sample[]) => ({
    ms: median(samples.map((sample) => sample.ms)),
    worstMs: Math.max(...samples.map((sample) => sample.ms)),
    cpuMs: median(samples.map((sample) => sample.cpuMs)),
  });
  return { plain: summary(plain), afterChange: summary(afterChange), cached: summary(cached) };
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const size = option('--size', 1000);
  const rounds = option('--rounds', 5);

  const dataDir = mkdtempSync(join(tmpdir(), `sandcloud-reachability-${size}-`));
  try {
    console.log(`Seeding ${size} instances… (load average ${loadavg()[0]!.toFixed(1)})`);
    const seed = seedProject(dataDir, size);
    const engine = measureEngine(dataDir, seed.projectId, rounds);
    const server = await startServer(dataDir);
    let http: Awaited<ReturnType<typeof measureHttp>>;
    try {
      http = await measureHttp(server.url, server.pid, seed.projectId, rounds);
    } finally {
      server.stop();
    }

    const verdicts = seed.instances * TESTS.length;
    console.log(`\nReachability overlay — target: GET /topology?reachability=internet after a change < ${TARGET_MS} ms at ${size} instances`);
    console.log(`${cpus().length} CPUs, load average ${loadavg().map((value) => value.toFixed(1)).join(' / ')} (1 / 5 / 15 min); medians of ${rounds} rounds\n`);
    const perVerdict = (total: number) => `${((total * 1000) / verdicts).toFixed(0)} µs`;
    const request = (sample: { ms: number; worstMs: number; cpuMs: number }) => ({
      time: `${ms(sample.ms)} (worst ${ms(sample.worstMs)})`,
      'server CPU': ms(sample.cpuMs),
      'per verdict': '',
    });
    console.table([
      { measure: `engine: ${verdicts} verdicts, testInstance one at a time`, time: ms(engine.single), 'server CPU': '', 'per verdict': perVerdict(engine.single) },
      { measure: `engine: ${verdicts} verdicts, snapshot + testInstances`, time: ms(engine.batch), 'server CPU': '', 'per verdict': perVerdict(engine.batch) },
      { measure: 'HTTP: GET /topology (no overlay)', ...request(http.plain) },
      { measure: 'HTTP: overlay after a change (evaluated)', ...request(http.afterChange) },
      { measure: 'HTTP: overlay again (BFF cache)', ...request(http.cached) },
    ]);
    const met = http.afterChange.ms < TARGET_MS;
    console.log(`target ${met ? 'met' : 'NOT met'}`);
    if (!met) process.exitCode = 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

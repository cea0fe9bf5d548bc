/**
 * Data-plane HTTP benchmark: requests per second and p50/p99 latency of
 *   1. a raw Node HTTP server (the ceiling on this machine),
 *   2. one guest's `python -m SimpleHTTPServer 80` through its floating IP's loopback endpoint,
 *   3. a load balancer's floating IP (HTTP 80, ROUND_ROBIN) over two such guests,
 * at 100 concurrent connections, loopback only. Target: the load balancer at ≥ 50 % of the raw
 * server's requests per second (median of the rounds), with no errors, timeouts or non-2xx answers.
 *
 *   npx tsx bench/http.bench.ts [--duration 15] [--rounds 5] [--connections 100] [--warmup 1]
 *
 * `--duration` is the measured time per target, split into `--rounds` rounds. Each round measures
 * the three targets back to back (in a rotating order), so that load from other programs weighs on
 * all three alike; the ratios are taken within each round, and the report gives their median. The
 * load generator (autocannon's programmatic API) runs in a worker thread, so the servers and the
 * client each get a core of their own. See bench/README.md.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGuideWorld } from '../packages/data-plane/src/testing/guide-world.ts';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Seconds. */
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const TARGET_RATIO = 0.5;
const POOL = { start: '198.18.9.10', end: '198.18.9.250' };

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number`);
  return value;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');

/**
 * CPU time of the servers' thread (this process's main thread; the load generator has its own) and
 * the time it waited for a CPU, in ns, from the kernel's scheduler statistics. CPU time per request
 * does not grow when other programs take the CPU away, unlike wall-clock busy time.
 */
function serverThreadTimes(): { cpuNs: number; waitNs: number } | null {
  try {
    const [cpuNs, waitNs] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return cpuNs === undefined || waitNs === undefined ? null : { cpuNs, waitNs };
  } catch {
    return null; // not Linux: fall back to the event loop's busy time
  }
}

interface Measurement {
  requestsPerSecond: number;
  total: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Server thread CPU (or event-loop busy time without /proc) per request, µs. */
  serverMicros: number;
  /** How long the server thread waited for a CPU per request, µs (other load on the machine). */
  waitMicros: number | null;
}

async function measure(url: string, seconds: number, connections: number): Promise<Measurement> {
  const before = serverThreadTimes();
  const busyBefore = performance.eventLoopUtilization();
  const result = await autocannon({ url, connections, duration: seconds, workers: 1, pipelining: 1 });
  const busy = performance.eventLoopUtilization(busyBefore);
  const after = serverThreadTimes();
  const total = Math.max(1, result.requests.total);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    serverMicros: before && after ? (after.cpuNs - before.cpuNs) / 1000 / total : (busy.active * 1000) / total,
    waitMicros: before && after ? (after.waitNs - before.waitNs) / 1000 / total : null,
  };
}

/**
 * The ceiling: node answering the same page with the same headers as the guest's SimpleHTTPServer
 * (node adds Date, Connection and Keep-Alive to both), so that the ratios measure the path, not
 * the size of the answer.
 */
async function rawServer(): Promise<{ url: string; server: Server }> {
  const body = 'hello world!\n';
  const headers = {
    Server: 'SimpleHTTP/0.6 Python/2.7.5',
    'Content-type': 'text/html',
    'Content-Length': String(Buffer.byteLength(body)),
    'Last-Modified': new Date().toUTCString(),
  };
  const server = createServer((_req, res) => {
    res.writeHead(200, 'OK', headers);
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

export async function main(): Promise<void> {
  const duration = flag('duration', 15);
  const rounds = Math.max(1, Math.round(flag('rounds', 5)));
  const connections = flag('connections', 100);
  const warmup = flag('warmup', 1);
  const roundSeconds = Math.max(1, duration / rounds);
  console.log(`load average at start: ${load()}`);

  const raw = await rawServer();
  const world = createGuideWorld({ floatingPool: POOL });
  const { engine, projectId } = world;
  const [web1, web2] = world.createInstances('web', 2);
  world.allowTcp(80);
  const logLines = [0, 0];
  [web1!, web2!].forEach((instance, index) => {
    const session = engine.modules.guests.openSession(projectId, instance.id);
    // The access log scrolls by in the guest's terminal; count its lines instead of keeping it.
    session.onData((text) => {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) logLines[index]!++;
    });
    session.write(`echo 'hello world!' > index.html\r`);
    session.write('python -m SimpleHTTPServer 80\r');
  });
  const subnet = engine.modules.network.subnets(projectId)[0]!;
  const lb = engine.modules.loadBalancers.create(projectId, {
    name: 'web-lb',
    subnetId: subnet.id,
    listener: { protocol: 'HTTP', protocolPort: 80 },
    pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: [{ instanceId: web1!.id }, { instanceId: web2!.id }], healthMonitor: { type: 'HTTP', monitorPort: 80 } },
  });
  engine.advance(4_000);
  const instanceIp = world.attachFloatingIp(web1!.portId!);
  const lbIp = world.attachFloatingIp(lb.vipPortId!);
  await new Promise((done) => setTimeout(done, 100));
  const plane = await world.startDataPlane();
  await plane.settled();

  const targets = [
    { name: 'raw Node HTTP server', url: raw.url },
    { name: 'guest web server via floating IP', url: `http://${plane.endpointOf(instanceIp).address}/` },
    { name: 'load balancer (2 members) via floating IP', url: `http://${plane.endpointOf(lbIp).address}/` },
  ];
  const [RAW, GUEST, LB] = [0, 1, 2] as const;

  try {
    if (warmup > 0) {
      // The JIT compiles each path on its first thousands of requests: not part of the numbers.
      console.log(`… warm-up: ${warmup} s per target`);
      for (const target of targets) await measure(target.url, warmup, connections);
    }
    const results: Measurement[][] = targets.map(() => []);
    const loads: string[] = [];
    for (let round = 0; round < rounds; round++) {
      // A rotating order: no target always runs first (or right after the heaviest one).
      for (let step = 0; step < targets.length; step++) {
        const index = (round + step) % targets.length;
        const target = targets[index]!;
        console.log(`… round ${round + 1}/${rounds}: ${target.name} (${target.url}), ${connections} connections, ${roundSeconds} s`);
        results[index]!.push(await measure(target.url, roundSeconds, connections));
      }
      loads.push(load());
    }
    plane.flush();

    const lbRatios = results[LB]!.map((result, round) => result.requestsPerSecond / results[RAW]![round]!.requestsPerSecond);
    const guestRatios = results[GUEST]!.map((result, round) => result.requestsPerSecond / results[RAW]![round]!.requestsPerSecond);

    console.log(`\nEach round (requests/s; load average 1/5/15 min after the round)\n`);
    console.table(
      results[RAW]!.map((_, round) => ({
        round: round + 1,
        'load avg': loads[round],
        raw: Math.round(results[RAW]![round]!.requestsPerSecond),
        guest: Math.round(results[GUEST]![round]!.requestsPerSecond),
        'load balancer': Math.round(results[LB]![round]!.requestsPerSecond),
        'guest/raw': percent(guestRatios[round]!),
        'LB/raw': percent(lbRatios[round]!),
      })),
    );

    console.log(`\nData-plane HTTP — median of ${rounds} rounds of ${roundSeconds} s; target: load balancer ≥ ${TARGET_RATIO * 100} % of the raw server's requests/s, no errors\n`);
    const ratios = [null, guestRatios, lbRatios];
    console.table(
      targets.map((target, index) => {
        const rows = results[index]!;
        const waits = rows.map((row) => row.waitMicros).filter((wait): wait is number => wait !== null);
        return {
          target: target.name,
          'requests/s': Math.round(median(rows.map((row) => row.requestsPerSecond))),
          'vs raw': ratios[index] ? percent(median(ratios[index])) : '100 %',
          'p50 (ms)': median(rows.map((row) => row.p50)),
          'p99 (ms)': median(rows.map((row) => row.p99)),
          'server CPU µs/req': Number(median(rows.map((row) => row.serverMicros)).toFixed(1)),
          'CPU waited µs/req': waits.length ? Number(median(waits).toFixed(1)) : '-',
          requests: rows.reduce((sum, row) => sum + row.total, 0),
          'errors/timeouts/non-2xx': `${sum(rows, 'errors')}/${sum(rows, 'timeouts')}/${sum(rows, 'non2xx')}`,
        };
      }),
    );
    const cpu = (index: number) => median(results[index]!.map((row) => row.serverMicros));
    const lbRatio = median(lbRatios);
    console.log(`LB/raw requests/s: median ${percent(lbRatio)} (rounds: ${lbRatios.map(percent).join(', ')})`);
    console.log(`guest/raw requests/s: median ${percent(median(guestRatios))} (rounds: ${guestRatios.map(percent).join(', ')})`);
    console.log(
      `server CPU per request, raw/LB: ${percent(cpu(RAW) / cpu(LB))}, raw/guest: ${percent(cpu(RAW) / cpu(GUEST))} ` +
        `(the requests/s ratios when the servers' core is the only limit)`,
    );
    const stats = engine.modules.loadBalancers.get(projectId, lb.id).stats;
    console.log(`load balancer statistics: ${stats.totalRequests} requests, ${stats.totalConnections} connections, ${stats.bytesIn} B in, ${stats.bytesOut} B out`);
    console.log(`access-log lines in the guests: web-1 ${logLines[0]}, web-2 ${logLines[1]}`);
    console.log(`load average at the end: ${load()}`);

    const clean = results.every((rows) => rows.every((row) => row.errors === 0 && row.timeouts === 0 && row.non2xx === 0));
    const ok = lbRatio >= TARGET_RATIO && clean;
    console.log(ok ? '\nmeets target: yes' : `\nmeets target: NO${clean ? '' : ' (errors)'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    raw.server.close();
    await world.close();
  }
}

function sum(rows: Measurement[], field: 'errors' | 'timeouts' | 'non2xx'): number {
  return rows.reduce((total, row) => total + row[field], 0);
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.chdir(ROOT);
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

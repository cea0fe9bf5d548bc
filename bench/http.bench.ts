/**
 * Data-plane HTTP benchmark: requests per second and p50/p99 latency, in one run, of
 *   1. a raw Node HTTP server (the ceiling on this machine),
 *   2. one guest's `python -m SimpleHTTPServer 80` through its floating IP's loopback endpoint,
 *   3. a load balancer's floating IP (HTTP 80, ROUND_ROBIN) over two such guests.
 * 100 concurrent connections, 10 s each (`--duration 5` to shorten) in three interleaved rounds,
 * loopback only. Target: the load balancer at ≥ 50 % of the raw server's requests per second, with
 * no errors.
 *
 *   npx tsx bench/http.bench.ts [--duration 10] [--connections 100]
 *
 * The load generator (autocannon's programmatic API) runs in a worker thread, so the servers and
 * the client each get a core of their own. See bench/README.md.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGuideWorld } from '../packages/data-plane/src/testing/guide-world.ts';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const TARGET_RATIO = 0.5;
const ROUNDS = 3;
const POOL = { start: '198.18.9.10', end: '198.18.9.250' };

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function rawServer(): Promise<{ url: string; server: Server }> {
  const body = Buffer.from('hello world!\n');
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-type': 'text/html', 'Content-Length': String(body.length) });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Rounds of one target as one measurement: total requests over total time, median latencies. */
function combine(results: AutocannonResult[]): AutocannonResult {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const total = results.reduce((sum, result) => sum + result.requests.total, 0);
  const seconds = results.reduce((sum, result) => sum + result.duration, 0);
  return {
    requests: { total, average: total / seconds },
    latency: { p50: median(results.map((r) => r.latency.p50)), p99: median(results.map((r) => r.latency.p99)), average: median(results.map((r) => r.latency.average)) },
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    duration: seconds,
  };
}

/** The servers' thread is this one: how busy it was during a round, per request. */
const busyMicros = new Map<string, number>();

async function measure(url: string, duration: number, connections: number): Promise<AutocannonResult> {
  const before = performance.eventLoopUtilization();
  const result = await autocannon({ url, connections, duration, workers: 1, pipelining: 1 });
  const used = performance.eventLoopUtilization(before);
  busyMicros.set(url, (busyMicros.get(url) ?? 0) + used.active * 1000);
  return result;
}

export async function main(): Promise<void> {
  const duration = flag('duration', 10);
  const connections = flag('connections', 100);

  const raw = await rawServer();
  const world = createGuideWorld({ floatingPool: POOL });
  const { engine, projectId } = world;
  const [web1, web2] = world.createInstances('web', 2);
  world.allowTcp(80);
  const logLines = [0, 0];
  [web1!, web2!].forEach((instance, index) => {
    const session = engine.modules.guests.openSession(projectId, instance.id);
    // The access log scrolls by in the guest's terminal; count it instead of keeping it.
    session.onData((text) => (logLines[index]! += text.split('\n').length - 1));
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
  const instanceUrl = `http://${plane.endpointOf(instanceIp).address}/`;
  const lbUrl = `http://${plane.endpointOf(lbIp).address}/`;

  try {
    // Interleaved rounds: load from other programs on the machine then weighs on all three alike.
    const targets = [
      ['raw Node HTTP server', raw.url],
      ['guest web server via floating IP', instanceUrl],
      ['load balancer (2 members) via floating IP', lbUrl],
    ] as const;
    const roundSeconds = Math.max(2, Math.round(duration / ROUNDS));
    const rounds: AutocannonResult[][] = targets.map(() => []);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [index, [name, url]] of targets.entries()) {
        console.log(`… round ${round}/${ROUNDS}: ${name} (${url}), ${connections} connections, ${roundSeconds} s`);
        rounds[index]!.push(await measure(url, roundSeconds, connections));
      }
    }
    const results = targets.map(([name, url], index): [string, string, AutocannonResult] => [name, url, combine(rounds[index]!)]);
    plane.flush();
    const rawRate = results[0]![2].requests.average;
    console.log(`\nData-plane HTTP — target: load balancer ≥ ${TARGET_RATIO * 100} % of the raw server's requests/s, no errors\n`);
    console.table(
      results.map(([name, url, result]) => ({
        target: name,
        'requests/s': Math.round(result.requests.average),
        'vs raw': `${((result.requests.average / rawRate) * 100).toFixed(0)} %`,
        'p50 (ms)': result.latency.p50,
        'p99 (ms)': result.latency.p99,
        'server µs/request': Math.round((busyMicros.get(url) ?? 0) / result.requests.total),
        requests: result.requests.total,
        'errors/timeouts/non-2xx': `${result.errors}/${result.timeouts}/${result.non2xx}`,
      })),
    );
    const stats = engine.modules.loadBalancers.get(projectId, lb.id).stats;
    console.log(`load balancer statistics: ${stats.totalRequests} requests, ${stats.totalConnections} connections, ${stats.bytesIn} B in, ${stats.bytesOut} B out`);
    console.log(`access-log lines in the guests: web-1 ${logLines[0]}, web-2 ${logLines[1]}`);
    const balancer = results[2]![2];
    const ok = balancer.requests.average >= TARGET_RATIO * rawRate && results.every(([, , r]) => r.errors === 0 && r.timeouts === 0 && r.non2xx === 0);
    console.log(ok ? '\nmeets target: yes' : '\nmeets target: NO');
    if (!ok) process.exitCode = 1;
  } finally {
    raw.server.close();
    await world.close();
  }
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.chdir(ROOT);
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

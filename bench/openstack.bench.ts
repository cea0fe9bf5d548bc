/**
 * OpenStack API benchmark: a Keystone token check and a Nova server list of 100 servers, p95.
 *
 *   npx tsx bench/openstack.bench.ts                     # 100 servers, 500 requests per case
 *   npx tsx bench/openstack.bench.ts --servers 100 --requests 1000
 *
 * In process: an engine on a manual clock seeded with N ACTIVE servers (one in five with a floating
 * IP), the real app listening on loopback, requests one at a time over a kept-alive connection
 * (latency, not throughput). Target: p95 < 20 ms for each case; exit code 1 otherwise.
 * See bench/README.md.
 */
import { createEngine, ManualClock } from '@sandcloud/engine';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createApp } from '../apps/bff/src/app.ts';

const { values } = parseArgs({ options: { servers: { type: 'string', default: '100' }, requests: { type: 'string', default: '500' } } });
const SERVERS = Number(values.servers);
const REQUESTS = Number(values.requests);
const TARGET_P95_MS = 20;
const ADMIN = { username: 'admin', password: 'bench-admin-password' };
const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

function seed() {
  const clock = new ManualClock(Date.now());
  const engine = createEngine({ clock, quotas: { instances: SERVERS, vcpus: SERVERS, ramMb: SERVERS * 2048, floatingIps: SERVERS } });
  engine.ensureAdmin(ADMIN.username, ADMIN.password);
  const admin = engine.identity.findUser(ADMIN.username)!;
  const project = engine.projects.create(admin, { name: 'bench' });
  engine.activateCompute(project.id);
  const { keyPairs, network, securityGroups, instances, floatingIps } = engine.modules;
  keyPairs.import(project.id, 'bench', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx bench@sandcloud');
  const networkId = network.networks(project.id)[0]!.id;
  const groupId = securityGroups.list(project.id)[0]!.id;
  for (let made = 0; made < SERVERS; made += 10) {
    const created = instances.create(project.id, {
      name: `web-${made}`,
      imageId: UBUNTU,
      flavorId: 't2.c1m1',
      zone: 'kr-pub-a',
      rootDiskGb: 20,
      count: Math.min(10, SERVERS - made),
      keyName: 'bench',
      securityGroupIds: [groupId],
      networkId,
    });
    for (const [index, instance] of created.entries()) {
      if (index % 5 === 0) floatingIps.associate(project.id, floatingIps.allocate(project.id).id, instance.portId!);
    }
  }
  engine.advance(10_000);
  return { engine, projectId: project.id };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(name: string, send: () => Promise<Response>): Promise<boolean> {
  for (let i = 0; i < 50; i++) await (await send()).arrayBuffer(); // warm-up: JIT, statement cache
  const times: number[] = [];
  // CPU time of this process (server and client) per request: less sensitive to other load than latency.
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    const response = await send();
    await response.arrayBuffer();
    times.push(performance.now() - start);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = ((cpu.user + cpu.system) / 1000 / REQUESTS).toFixed(2);
  times.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p).toFixed(2));
  const ok = Number(p95) < TARGET_P95_MS;
  console.log(`${name.padEnd(44)} p50 ${p50} ms  p95 ${p95} ms  p99 ${p99} ms  CPU ${cpuMs} ms/req  ${ok ? 'ok' : `MISSES the ${TARGET_P95_MS} ms target`}`);
  return ok;
}

const { engine, projectId } = seed();
const server = createApp(engine).listen(0, '127.0.0.1');
await new Promise((ready) => server.once('listening', ready));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
try {
  const issued = await fetch(`${base}/identity/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: ADMIN.username, domain: { name: 'Default' }, password: ADMIN.password } } }, scope: { project: { id: projectId } } } }),
  });
  const token = issued.headers.get('x-subject-token')!;
  const listed = (await (await fetch(`${base}/compute/v2.1/servers/detail`, { headers: { 'x-auth-token': token } })).json()) as { servers: unknown[] };
  console.log(`${SERVERS} servers seeded (${listed.servers.length} listed), ${REQUESTS} requests per case, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const results = [
    await measure('token check (GET /identity/v3/auth/tokens)', () => fetch(`${base}/identity/v3/auth/tokens`, { headers: { 'x-auth-token': token, 'x-subject-token': token } })),
    await measure(`server list (GET /compute/v2.1/servers)`, () => fetch(`${base}/compute/v2.1/servers`, { headers: { 'x-auth-token': token } })),
    await measure(`server detail list (GET …/servers/detail)`, () => fetch(`${base}/compute/v2.1/servers/detail`, { headers: { 'x-auth-token': token } })),
  ];
  process.exitCode = results.every(Boolean) ? 0 : 1;
} finally {
  server.close();
  engine.close();
}

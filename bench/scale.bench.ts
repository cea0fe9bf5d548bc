/**
 * Scale benchmark: the API's time against the size of one project. For each size it seeds a
 * project with N instances (20 % with a floating IP — `--floating-share` — and 1 % with a volume) on one engine with a real
 * database file, serves the real Express app on a loopback port, and times through HTTP:
 *
 *   - every list endpoint, a page of 100 (the first page and a page in the middle, alternately);
 *   - creating 1 and 10 instances (`POST /instances`);
 *   - associating and disassociating a floating IP.
 *
 * Targets (issue 12): lists < 50 ms p95 at 10,000 instances and 2,000 floating IPs; creates and
 * associations < 30 ms p95 whatever the count. Exit code 1 when a target is missed.
 *
 *   npx tsx bench/scale.bench.ts                       # 1,000 / 3,000 / 10,000 instances
 *   npx tsx bench/scale.bench.ts --sizes 1000 --rounds 20
 */
import { createApp } from '../apps/bff/src/app.ts';
import { createEngine, type Engine } from '@sandcloud/engine';
import { addNetwork } from '@sandcloud/engine/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';
const TARGET_LIST_MS = 50;
const TARGET_WRITE_MS = 30;
const ADMIN = { username: 'admin', password: 'bench-password' };

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const sizes = option('--sizes', '1000,3000,10000').split(',').map(Number);
const rounds = Number(option('--rounds', '30'));
/** Issue 12's target is 2,000 floating IPs at 10,000 instances. */
const floatingShare = Number(option('--floating-share', '0.2'));

interface Session {
  base: string;
  cookie: string;
  csrf: string;
}

async function call(session: Session, method: string, path: string, body?: object): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${session.base}/api${path}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}

/** The answer's JSON; the benchmark reads only `id` fields of what it created. */
async function expectOk(session: Session, method: string, path: string, body?: object): Promise<{ id: string }> {
  const { status, json } = await call(session, method, path, body);
  if (status >= 300) throw new Error(`${method} ${path} → ${status} ${JSON.stringify(json)}`);
  return json as { id: string };
}

async function login(base: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!response.ok) throw new Error(`login → ${response.status}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { base, cookie, csrf: csrfToken };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Timing {
  p50: number;
  p95: number;
  /** CPU time of this process (server and client) per request: what other programs' load does not change. */
  cpu: number;
}

async function timeEach(times: number, work: (i: number) => Promise<void>): Promise<Timing> {
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), cpu: (cpu.user + cpu.system) / 1000 / times };
}

/** One project of `count` instances seeded through the engine's services (fast), then measured over HTTP. */
async function measure(count: number): Promise<Map<string, Timing>> {
  const dataDir = mkdtempSync(join(tmpdir(), `sandcloud-scale-${count}-`));
  const floatingCount = Math.round(count * floatingShare);
  const engine: Engine = createEngine({
    databasePath: join(dataDir, 'sandcloud.db'),
    floatingPool: { start: '100.64.0.1', end: '100.64.255.254' },
    quotas: { instances: count * 2, vcpus: count * 4, ramMb: count * 8192, floatingIps: count, volumes: count, volumeGb: count * 100 },
  });
  engine.ensureAdmin(ADMIN.username, ADMIN.password);
  const server = createApp(engine).listen(0, '127.0.0.1');
  server.keepAliveTimeout = 60_000; // the seeding pause must not close the client's kept-alive socket
  await new Promise((resolve) => server.once('listening', resolve));
  const results = new Map<string, Timing>();
  try {
    const session = await login(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const project = await expectOk(session, 'POST', '/projects', { name: `scale-${count}` });
    const projectId: string = project.id;
    await expectOk(session, 'POST', `/projects/${projectId}/compute/activate`);
    const p = `/projects/${projectId}`;

    const seedStarted = performance.now();
    const { instances, floatingIps, keyPairs, securityGroups, volumes } = engine.modules;
    keyPairs.import(projectId, 'bench', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx bench@sandcloud');
    const group = securityGroups.list(projectId)[0]!;
    const { network } = addNetwork(engine, projectId, { name: 'scale-net', cidr: '10.128.0.0/16' });
    const launch = { imageId: UBUNTU, flavorId: 't2.c1m1', zone: 'kr-pub-a', rootDiskGb: 20, keyName: 'bench', securityGroupIds: [group.id], networkId: network.id };
    const created: { id: string; portId: string | null }[] = [];
    for (let index = 0; created.length < count; index++) {
      created.push(...instances.create(projectId, { ...launch, name: `vm${index}`, count: Math.min(10, count - created.length) }));
    }
    const stride = Math.floor(count / floatingCount);
    for (let i = 0; i < floatingCount; i++) {
      const ip = floatingIps.allocate(projectId);
      floatingIps.associate(projectId, ip.id, created[i * stride]!.portId!);
    }
    for (let i = 0; i < count / 100; i++) volumes.create(projectId, { name: `data-${i}`, sizeGb: 10 });
    console.log(`  seeded ${count} instances, ${floatingCount} floating IPs in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const lists = [
      '/instances',
      '/floating-ips',
      '/ports/attachable',
      '/networks',
      '/security-groups',
      '/key-pairs',
      '/volumes',
      '/volume-snapshots',
      '/images',
      '/load-balancers',
      `/volumes/${volumes.list(projectId)[0]!.id}/attachable-instances`,
      `/instances/${created[0]!.id}/volumes`,
      '/quotas',
    ];
    for (const path of lists) {
      await expectOk(session, 'GET', `${p}${path}`); // warm-up
      const label = `GET ${path.replace(/[0-9a-f-]{36}/g, ':id')}`;
      results.set(label, await timeEach(rounds, async (i) => {
        const offset = i % 2 === 0 ? 0 : Math.max(0, Math.floor(count / 2) - 50);
        await expectOk(session, 'GET', `${p}${path}${path.includes('?') ? '&' : '?'}limit=100&offset=${offset}`);
      }));
    }

    const writes = Math.min(rounds, 20);
    results.set('POST /instances (1)', await timeEach(writes, async (i) => {
      await expectOk(session, 'POST', `${p}/instances`, { ...launch, name: `one${i}`, count: 1 });
    }));
    results.set('POST /instances (10)', await timeEach(writes, async (i) => {
      await expectOk(session, 'POST', `${p}/instances`, { ...launch, name: `ten${i}`, count: 10 });
    }));
    const spare = await Promise.all(Array.from({ length: writes }, () => expectOk(session, 'POST', `${p}/floating-ips`, {})));
    results.set('POST /floating-ips/:id/associate', await timeEach(writes, async (i) => {
      await expectOk(session, 'POST', `${p}/floating-ips/${spare[i]!.id}/associate`, { portId: created[i * stride + 1]!.portId });
    }));
    results.set('POST /floating-ips/:id/disassociate', await timeEach(writes, async (i) => {
      await expectOk(session, 'POST', `${p}/floating-ips/${spare[i]!.id}/disassociate`);
    }));
    results.set('POST /floating-ips', await timeEach(writes, async () => {
      await expectOk(session, 'POST', `${p}/floating-ips`, {});
    }));
  } finally {
    await new Promise((resolve) => server.close(resolve));
    engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

async function main() {
  const bySize = new Map<number, Map<string, Timing>>();
  for (const size of sizes) {
    console.log(`Measuring ${size} instances, ${Math.round(size * floatingShare)} floating IPs… (load average ${loadavg()[0]!.toFixed(1)})`);
    bySize.set(size, await measure(size));
  }
  const labels = [...bySize.values().next().value!.keys()];
  const header = ['ms: p50 / p95 · CPU per request', ...sizes.map((size) => `${size.toLocaleString('en')} inst.`)];
  const rows = labels.map((label) => [label, ...sizes.map((size) => {
    const r = bySize.get(size)!.get(label)!;
    return `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} · ${r.cpu.toFixed(1)}`;
  })]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}`);

  const largest = bySize.get(Math.max(...sizes))!;
  const missed = [...largest].filter(([label, r]) => r.p95 >= (label.startsWith('GET') ? TARGET_LIST_MS : TARGET_WRITE_MS));
  console.log(`\nTargets at ${Math.max(...sizes)} instances: lists < ${TARGET_LIST_MS} ms p95, writes < ${TARGET_WRITE_MS} ms p95`);
  if (missed.length > 0) {
    console.log(`Missed: ${missed.map(([label, r]) => `${label} (${r.p95.toFixed(1)} ms)`).join(', ')}`);
    process.exitCode = 1;
  } else console.log('All met.');
}

await main();

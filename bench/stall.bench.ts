/**
 * Stall benchmark: does one tenant's heavy request stall everybody else? While each attack runs, a
 * bystander (another user, in their own project) reads `GET /api/projects` in a loop over HTTP; the
 * report gives its p50/p95/max latency per attack, next to a quiet baseline. Target: p95 < 50 ms
 * during every attack.
 *
 *   npx tsx bench/stall.bench.ts [--seconds 4]
 *
 * Attacks (each for about `--seconds`, or until it is done):
 *   1. 16 parallel wrong sign-ins, wave after wave (sign-in limits raised so every attempt is hashed:
 *      with the default limits they are refused before any hashing, which is cheaper still);
 *   2. 20 parallel RSA key-pair creations past the project's key-pair quota;
 *   3. a 50 MB scp upload into a guest, through its floating IP (real OpenSSH scp);
 *   4. a 1.8 MB line typed into a guest's console (refused past the line limit).
 */
import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, ManualClock, type Engine } from '../packages/engine/src/index.ts';
import { createApp } from '../apps/bff/src/app.ts';
import { createGuideWorld } from '../packages/data-plane/src/testing/guide-world.ts';
import { keyFile, SSH_OPTIONS } from '../packages/data-plane/src/testing/tools.ts';

const TARGET_P95_MS = 50;
const POOL = { start: '198.18.21.10', end: '198.18.21.250' };

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}
const SECONDS = flag('seconds', 4);

interface Api {
  url: string;
  server: Server;
}

async function listen(engine: Engine): Promise<Api> {
  const server = createServer(createApp(engine));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Signs in over HTTP; answers the cookie and CSRF token to send. */
async function signIn(api: Api, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/** A user with a project of their own, signed in. */
async function tenant(engine: Engine, api: Api, username: string) {
  const user = engine.identity.createUser({ username, password: `${username}-password` });
  const project = engine.projects.create(user, { name: `${username}-project` });
  engine.activateCompute(project.id);
  return { projectId: project.id, ...(await signIn(api, username, `${username}-password`)) };
}

/** One GET on a fresh connection (no keep-alive: a stalled server may drop idle sockets meanwhile). */
function read(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false, headers: { cookie } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  });
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

interface Row {
  attack: string;
  samples: number;
  p50: number;
  p95: number;
  max: number;
  detail: string;
}

/** The bystander's reads while `attack` runs (at least `SECONDS` of them, and until it is done). */
async function measure(api: Api, bystander: { cookie: string }, name: string, attack: (until: () => boolean) => Promise<string>): Promise<Row> {
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  let attackDone = false;
  const running = attack(() => performance.now() > deadline).finally(() => (attackDone = true));
  while (performance.now() < deadline || !attackDone) {
    const start = performance.now();
    const status = await read(`${api.url}/api/projects`, bystander.cookie);
    if (status !== 200) throw new Error(`bystander read: ${status}`);
    latencies.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const detail = await running;
  const sorted = latencies.sort((a, b) => a - b);
  return { attack: name, samples: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)!, detail };
}

const statusCounts = (statuses: number[]) => {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n}×${status}`).join(' ');
};

function run(tool: string, args: string[], input?: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(tool, args, { timeout: 120_000, maxBuffer: 1 << 20 }, (error, _stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const local = mkdtempSync(join(tmpdir(), 'sandcloud-stall-'));

  // --- API attacks: an engine on a file database, as the server runs ------------------------------
  const engine = createEngine({
    clock: new ManualClock(),
    databasePath: join(local, 'sandcloud.db'),
    quotas: { keyPairs: 1 },
    loginLimits: { accountFreeFailures: 1e9, addressFreeFailures: 1e9, maxDelaySeconds: 1 },
  });
  engine.ensureAdmin('admin', 'admin-password');
  const api = await listen(engine);
  const bystander = await tenant(engine, api, 'bystander');
  const attacker = await tenant(engine, api, 'attacker');
  await engine.modules.keyPairs.create(attacker.projectId, 'only_one', 'ed25519');

  rows.push(await measure(api, bystander, 'quiet (no attack)', async () => ''));

  rows.push(
    await measure(api, bystander, '16 parallel wrong sign-ins', async (done) => {
      const statuses: number[] = [];
      while (!done()) {
        const wave = await Promise.all(
          Array.from({ length: 16 }, () =>
            fetch(`${api.url}/api/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ username: 'bystander', password: 'a-wrong-guess' }),
            }).then(async (response) => (await response.arrayBuffer(), response.status)),
          ),
        );
        statuses.push(...wave);
      }
      return statusCounts(statuses);
    }),
  );

  rows.push(
    await measure(api, bystander, '20 RSA key pairs past the quota', async () => {
      const statuses = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          fetch(`${api.url}/api/projects/${attacker.projectId}/key-pairs`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: attacker.cookie, 'x-csrf-token': attacker.csrf },
            body: JSON.stringify({ name: `rsa_${n}`, algorithm: 'rsa' }),
          }).then(async (response) => (await response.arrayBuffer(), response.status)),
        ),
      );
      return statusCounts(statuses);
    }),
  );
  api.server.close();
  engine.close();

  // --- Guest attacks: the guide's instance behind its floating IP --------------------------------
  const world = createGuideWorld({ floatingPool: POOL });
  try {
    const [web] = world.createInstances('web', 1);
    const floatingIp = world.attachFloatingIp(web!.portId!);
    world.allowTcp(22);
    const plane = await world.startDataPlane();
    await plane.settled();
    const address = plane.endpointOf(floatingIp).address;
    const guestApi = await listen(world.engine);
    const guestBystander = await tenant(world.engine, guestApi, 'bystander');
    const key = keyFile(world.privateKeyPem);

    const upload = join(local, 'upload.bin');
    writeFileSync(upload, Buffer.alloc(50 * 1024 * 1024, 'sandcloud '));
    rows.push(
      await measure(guestApi, guestBystander, '50 MB scp upload', async () => {
        const start = performance.now();
        const result = await run('scp', [...SSH_OPTIONS, '-i', key, '-o', 'BatchMode=yes', upload, `root@${address}:/root/upload.bin`]);
        const seconds = (performance.now() - start) / 1000;
        return `scp exit ${result.code} in ${seconds.toFixed(1)} s${result.stderr ? `: ${result.stderr.trim().split('\n').at(-1)}` : ''}`;
      }),
    );

    const terminal = world.terminal(web!);
    await terminal.waitFor(/# $/);
    rows.push(
      await measure(guestApi, guestBystander, '1.8 MB console line', async () => {
        const start = performance.now();
        const line = 'x'.repeat(1.8 * 1024 * 1024);
        for (let at = 0; at < line.length; at += 64 * 1024) {
          terminal.type(line.slice(at, at + 64 * 1024)); // as a WebSocket console sends a paste, in frames
          await new Promise((resolve) => setImmediate(resolve));
        }
        terminal.type('\r');
        await terminal.waitFor(/line too long|command not found/, 60_000);
        return `answered in ${((performance.now() - start) / 1000).toFixed(1)} s`;
      }),
    );
    guestApi.server.close();
  } finally {
    await world.close();
    rmSync(local, { recursive: true, force: true });
  }

  console.log(`Bystander GET /api/projects while each attack runs (${SECONDS} s or until done); load ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  console.log('attack                              samples     p50 ms     p95 ms     max ms   attack result');
  for (const row of rows) {
    console.log(
      `${row.attack.padEnd(36)}${String(row.samples).padStart(7)}${row.p50.toFixed(1).padStart(11)}${row.p95.toFixed(1).padStart(11)}${row.max.toFixed(1).padStart(11)}   ${row.detail}`,
    );
  }
  const failed = rows.filter((row) => row.p95 >= TARGET_P95_MS);
  console.log(failed.length === 0 ? `OK: p95 < ${TARGET_P95_MS} ms during every attack` : `FAIL: p95 ≥ ${TARGET_P95_MS} ms during ${failed.map((row) => row.attack).join(', ')}`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

await main();

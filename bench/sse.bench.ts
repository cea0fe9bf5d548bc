// Live updates: how long an event takes to reach 100 and 1,000 connected consoles over Server-Sent
// Events, against a bare Node SSE server (http.createServer, one write per client) in the same run.
// Both servers run in their own process; the clients are plain HTTP connections in this one, and the
// same clients read both. A round: one trigger request, then the time until every client has its
// first new event. Sandcloud's trigger is a real change (a security group's description edited in a
// project the user is a member of: one SQLite transaction, then the event to every stream, with the
// per-event membership check); the bare server's is a POST that writes an event of Sandcloud's shape,
// padded to the size of a real Sandcloud event read at start. The servers take turns in blocks of
// rounds, the order reversed every other block; each round also reads the server's main-thread CPU
// time and run-queue wait. Each server's trigger is also timed alone, with no stream open, to tell
// its cost from the fan-out's.
// Needs the compiled server (`npm run build`). See bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request, type IncomingMessage } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_ADMIN as ADMIN, serverEnv } from './support/server.ts';
import { median } from './support/stats.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_RATIO = 1.5;

const { values } = parseArgs({
  options: { clients: { type: 'string', default: '100,1000' }, rounds: { type: 'string', default: '15' }, profile: { type: 'string' }, baseline: { type: 'string' }, 'baseline-env': { type: 'string' }, blocks: { type: 'string', default: '4' } },
});
/** `--profile DIR`: Sandcloud's server writes a CPU profile there when it stops (node --cpu-prof). */
const profileArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [];
const clientCounts = values.clients.split(',').map(Number);
const rounds = Number(values.rounds);
const blocks = Number(values.blocks);

/**
 * The reference: an SSE server with nothing but the fan-out. With BARE_COMMIT set, its trigger also
 * commits an UPDATE to a SQLite file the way Sandcloud's store does (better-sqlite3, WAL, the same
 * synchronous setting) before it writes the event: the like-for-like reference for the trigger.
 */
const BARE_SERVER = `
const http = require('node:http');
const clients = new Set();
let commit = () => {};
if (process.env.BARE_COMMIT) {
  const db = new (require('better-sqlite3'))(process.env.BARE_COMMIT);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = ' + process.env.BARE_SYNCHRONOUS);
  db.exec('CREATE TABLE IF NOT EXISTS groups (id TEXT PRIMARY KEY, body TEXT)');
  db.prepare("INSERT OR IGNORE INTO groups VALUES ('sg', '{}')").run();
  const update = db.prepare("UPDATE groups SET body = ? WHERE id = 'sg'");
  commit = db.transaction((body) => update.run(body));
}
http.createServer((req, res) => {
  if (req.url === '/events') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write('retry: 2000\\n\\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    commit(JSON.stringify({ description: body }));
    // Shaped like Sandcloud's event and padded to its size (FRAME_BYTES, read from a real one).
    const event = (id) => 'data: ' + JSON.stringify({ kind: 'security-group', id, projectId: '00000000-0000-4000-8000-000000000000', change: 'updated', status: null, at: new Date().toISOString(), name: 'sse' }) + '\\n\\n';
    let frame = event(body);
    const missing = Number(process.env.FRAME_BYTES ?? 0) - Buffer.byteLength(frame);
    if (missing > 0) frame = event(body + 'x'.repeat(missing));
    for (const client of clients) client.write(frame);
    res.writeHead(204).end();
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
`;

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

async function waitFor(url: string, ok: (status: number) => boolean, child: ChildProcess): Promise<void> {
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with code ${child.exitCode}`);
    try {
      if (ok((await fetch(url)).status)) return;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 60_000) throw new Error(`${url} did not answer within 60 s`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** One SSE client: counts the events it received and when the latest arrived. */
class StreamClient {
  events = 0;
  lastAt = 0;
  /** The latest event's frame as it came (`data: …`), to compare the servers' payloads. */
  lastFrame = '';
  private waiter: { after: number; resolve: () => void } | null = null;
  private constructor(readonly response: IncomingMessage) {
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!frame.startsWith('data: ')) continue;
        this.events++;
        this.lastAt = performance.now();
        this.lastFrame = frame;
        if (this.waiter && this.events > this.waiter.after) {
          this.waiter.resolve();
          this.waiter = null;
        }
      }
    });
  }

  static open(url: string, headers: Record<string, string>): Promise<StreamClient> {
    return new Promise((resolveClient, reject) => {
      const req = request(url, { agent, headers }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
        else resolveClient(new StreamClient(response));
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** Resolves with the arrival time of the first event after the `after`-th. */
  next(after: number): Promise<number> {
    if (this.events > after) return Promise.resolve(this.lastAt);
    return new Promise((resolveNext) => (this.waiter = { after, resolve: () => resolveNext(this.lastAt) }));
  }

  close(): void {
    this.response.destroy();
  }
}

interface Target {
  name: string;
  /** The server's process id: its main thread's CPU time is read per round. */
  pid: number;
  open(): Promise<StreamClient>;
  trigger(round: number): Promise<void>;
  stop(): Promise<void>;
}

/** `build` is the compiled server's folder: apps/bff/dist, or a baseline's (`--baseline`, an A/B in one run). */
async function sandcloud(port: number, dataDir: string, build?: string): Promise<Target> {
  const baseline = build !== undefined;
  const extraEnv = baseline && values['baseline-env'] ? Object.fromEntries(values['baseline-env'].split(',').map((pair) => pair.split('=', 2) as [string, string])) : {};
  const child = startProcess([...(baseline ? [] : profileArgs), join(build ?? 'apps/bff/dist', 'server.js')], {
    ...serverEnv(port, dataDir, baseline ? '203.0.119.10-203.0.119.250' : '203.0.118.10-203.0.118.250'),
    ...extraEnv,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, (status) => status === 200, child);
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const project = (await (await fetch(`${base}/api/projects`, { method: 'POST', headers, body: JSON.stringify({ name: 'sse-bench' }) })).json()) as { id: string };
  await fetch(`${base}/api/projects/${project.id}/compute/activate`, { method: 'POST', headers });
  const group = (await (await fetch(`${base}/api/projects/${project.id}/security-groups`, { method: 'POST', headers, body: JSON.stringify({ name: 'sse' }) })).json()) as { id: string };
  return {
    pid: child.pid!,
    name: baseline ? `Sandcloud baseline (${[build, values['baseline-env']].filter(Boolean).join(' ')})` : 'Sandcloud /api/events',
    open: () => StreamClient.open(`${base}/api/events`, { cookie }),
    trigger: async (round) => {
      const response = await fetch(`${base}/api/projects/${project.id}/security-groups/${group.id}`, { method: 'PATCH', headers, body: JSON.stringify({ description: `round ${round}` }) });
      if (response.status !== 200) throw new Error(`trigger: ${response.status} ${await response.text()}`);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    },
  };
}

/** Sandcloud's store setting, so the like-for-like reference commits the same way. */
const STORE_SYNCHRONOUS = /synchronous = (\w+)/.exec(readFileSync(join(ROOT, 'packages/engine/src/store/database.ts'), 'utf8'))![1]!;

async function bare(port: number, frameBytes: number, commitTo?: string): Promise<Target> {
  const env: Record<string, string> = { PORT: String(port), FRAME_BYTES: String(frameBytes), ...(commitTo ? { BARE_COMMIT: commitTo, BARE_SYNCHRONOUS: STORE_SYNCHRONOUS } : {}) };
  const child = startProcess(['--input-type=commonjs', '-e', BARE_SERVER], env);
  await new Promise<void>((done) => child.once('message', () => done()));
  const base = `http://127.0.0.1:${port}`;
  return {
    pid: child.pid!,
    name: commitTo ? `bare Node SSE + SQLite commit (synchronous=${STORE_SYNCHRONOUS})` : 'bare Node SSE (reference)',
    open: () => StreamClient.open(`${base}/events`, {}),
    trigger: async (round) => {
      await fetch(`${base}/emit`, { method: 'POST', body: `sg-${round}-${'x'.repeat(24)}` });
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    },
  };
}

let triggers = 0;

/** One change seen by one stream: the event's frame size in bytes and how many events the change sent. */
async function probe(target: Target): Promise<{ frameBytes: number; events: number }> {
  const stream = await target.open();
  try {
    const arrival = stream.next(0);
    await target.trigger(++triggers);
    await arrival;
    await new Promise((done) => setTimeout(done, 300));
    // The frame as written: `data: …` and the blank line that ends it.
    return { frameBytes: Buffer.byteLength(stream.lastFrame) + 2, events: stream.events };
  } finally {
    stream.close();
  }
}

interface Round {
  /** Trigger sent → the last client has the event. */
  allMs: number;
  /** Trigger sent → the median client has it. */
  medianMs: number;
  /** First client → last client: the fan-out alone, without the trigger's own cost. */
  spreadMs: number;
  /** CPU time of the server's main thread from the trigger sent to the last client served. */
  cpuMs: number;
  /** How long that thread waited for a CPU meanwhile (other programs): a disturbed round. */
  waitMs: number;
}

/**
 * The main thread's time on a CPU and waiting for one, in ms, from `/proc/<pid>/schedstat`
 * (nanoseconds); zeros where there is no `/proc`.
 */
function schedstat(pid: number): { cpu: number; wait: number } {
  try {
    const [cpu, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { cpu: cpu! / 1e6, wait: wait! / 1e6 };
  } catch {
    return { cpu: 0, wait: 0 };
  }
}

async function measure(target: Target, clients: number, rounds: number): Promise<Round[]> {
  const streams: StreamClient[] = [];
  for (let i = 0; i < clients; i += 50) streams.push(...(await Promise.all(Array.from({ length: Math.min(50, clients - i) }, () => target.open()))));
  const results: Round[] = [];
  try {
    for (let round = -2; round < rounds; round++) {
      const counts = streams.map((stream) => stream.events);
      const arrivals = Promise.all(streams.map((stream, index) => stream.next(counts[index]!)));
      const before = schedstat(target.pid);
      const sent = performance.now();
      await target.trigger(++triggers);
      const times = (await arrivals).map((at) => at - sent).sort((a, b) => a - b);
      const after = schedstat(target.pid);
      // Let any further event of the same change arrive before the next round.
      await new Promise((done) => setTimeout(done, 150));
      if (round >= 0) results.push({ allMs: times.at(-1)!, medianMs: times[Math.floor(times.length / 2)]!, spreadMs: times.at(-1)! - times[0]!, cpuMs: after.cpu - before.cpu, waitMs: after.wait - before.wait });
    }
  } finally {
    for (const stream of streams) stream.close();
  }
  return results;
}

/** The trigger request alone, no stream open: what a round costs before any fan-out. */
async function triggerAlone(target: Target): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const sent = performance.now();
    await target.trigger(++triggers);
    times.push(performance.now() - sent);
  }
  return median(times);
}

const fmt = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  if (!existsSync(join(ROOT, 'apps/bff/dist/server.js'))) throw new Error('Build the server first: npm run build');
  const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-sse-bench-'));
  const base = 18_900 + (process.pid % 50) * 2;
  const subject = await sandcloud(base, dataDir);
  // The bare servers send frames of the size Sandcloud's event has (its ids and ISO date included).
  const { frameBytes } = await probe(subject);
  const targets = [subject, await bare(base + 1, frameBytes), await bare(base + 2, frameBytes, join(dataDir, 'bare.db'))];
  if (values.baseline || values['baseline-env']) {
    mkdirSync(join(dataDir, 'baseline'));
    targets.push(await sandcloud(base + 3, join(dataDir, 'baseline'), values.baseline ?? 'apps/bff/dist'));
  }
  let failed = false;
  try {
    console.log(`SSE fan-out, ${rounds} rounds each (load average ${loadavg()[0]!.toFixed(1)})\n`);
    for (const target of targets) {
      const seen = await probe(target);
      console.log(`${target.name}: ${seen.frameBytes} bytes per event frame, ${seen.events} event(s) per change`);
    }
    console.log('');
    const alone = new Map<string, number>();
    for (const target of targets) alone.set(target.name, await triggerAlone(target));
    console.log('| clients | server | all clients have it, median | worst round | median client, median | first → last client, median | server CPU per round, median | CPU waited per round, median | trigger alone (no stream) | ratio to bare (all) | ratio to bare (first → last) | ratio to bare + commit (all) | target |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const clients of clientCounts) {
      // The servers take turns in blocks of rounds, the order reversed every other block (A B C, C B A,
      // A B C…), so that load from elsewhere weighs on all alike.
      const samples = new Map<string, Round[]>(targets.map((target) => [target.name, []]));
      for (let block = 0; block < blocks; block++) {
        const perBlock = Math.floor(rounds / blocks) + (block < rounds % blocks ? 1 : 0);
        for (const target of block % 2 === 0 ? targets : [...targets].reverse()) samples.get(target.name)!.push(...(await measure(target, clients, perBlock)));
      }
      const bareAll = median(samples.get(targets[1]!.name)!.map((r) => r.allMs));
      const bareSpread = median(samples.get(targets[1]!.name)!.map((r) => r.spreadMs));
      const likeAll = median(samples.get(targets[2]!.name)!.map((r) => r.allMs));
      for (const target of targets) {
        const results = samples.get(target.name)!;
        const all = median(results.map((r) => r.allMs));
        const ratio = all / bareAll;
        const spread = median(results.map((r) => r.spreadMs));
        const isSubject = target === targets[0];
        const isSandcloud = isSubject || target === targets[3];
        if (isSubject && ratio > TARGET_RATIO) failed = true;
        const isBare = target === targets[1];
        console.log(
          `| ${clients.toLocaleString('en')} | ${target.name} | **${fmt(all)}** | ${fmt(Math.max(...results.map((r) => r.allMs)))} | ${fmt(median(results.map((r) => r.medianMs)))} | ${fmt(spread)} | ${fmt(median(results.map((r) => r.cpuMs)))} | ${fmt(median(results.map((r) => r.waitMs)))} | ${fmt(alone.get(target.name)!)} | ${isBare ? '1×' : `**${ratio.toFixed(2)}×**`} | ${isBare ? '1×' : `${(spread / bareSpread).toFixed(2)}×`} | ${isSandcloud ? `${(all / likeAll).toFixed(2)}×` : ''} | ${isSandcloud ? `≤ ${TARGET_RATIO}× ${ratio <= TARGET_RATIO ? 'met' : 'missed'}` : ''} |`,
        );
      }
    }
    console.log(`\nload average after: ${loadavg()[0]!.toFixed(1)}`);
  } finally {
    for (const target of targets) await target.stop();
    agent.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

await main();

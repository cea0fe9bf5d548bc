/**
 * The load balancer's data path as users run it, against a raw Node server and nginx, in one run:
 *
 *   1. raw: a Node HTTP server answering the same page with the same headers as the guest's
 *      `python -m SimpleHTTPServer` (its own process) — the ceiling on this machine;
 *   2. nginx: Debian's `/usr/sbin/nginx` as a reverse proxy (one worker, keep-alive upstreams,
 *      buffered access log) to two such raw Node upstreams — what a real proxy costs;
 *   3. lb: the served product (`apps/bff/src/server.ts`, its own process, port, data directory and
 *      floating pool, SANDCLOUD_SPEED high), two CentOS 7 guests whose web servers were started
 *      the way the README does it — `python -m SimpleHTTPServer 80` typed into a real `ssh -tt`
 *      session, the access log scrolling back over ssh — behind a load balancer (HTTP 80,
 *      ROUND_ROBIN, TCP health check), reached at its floating IP's loopback endpoint.
 *
 *   npx tsx bench/lb-path.bench.ts [--rounds 3] [--duration 5] [--connections 50] [--profile DIR]
 *
 * Each round runs `wrk -t1 -c<connections> -d<duration>s --latency` on the three in a rotating
 * order; ratios to raw are taken within a round and summarised by their median. Prints req/s, p50,
 * p99 and the ratio to raw per target, and the load average with each round. Target: lb ≥ 60 % of
 * raw req/s and lb p99 ≤ 2× nginx's p99 (exit code 1 otherwise). See bench/README.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WRK = '/usr/bin/wrk';
const NGINX = '/usr/sbin/nginx';
const CENTOS_7 = '6f1c0a00-0000-4000-8000-000000000007';
/** Floating IP a.b.c.d answers on 127.b.c.d: a pool no other Sandcloud on this machine uses. */
const FLOATING_POOL = '198.51.184.10-198.51.184.250';
/** The second served product's pool (`--compare-env`). */
const COMPARE_POOL = '198.51.185.10-198.51.185.250';
const TARGET_RATIO = 0.6;
const TARGET_P99_FACTOR = 2;

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** CPU time (user + system, ms) of processes and all their descendants, from /proc (0 elsewhere). */
function cpuMs(pids: readonly number[]): number {
  let ticks = 0;
  const visit = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ')) if (child.trim()) visit(Number(child));
      }
    } catch {
      // Gone, or no /proc.
    }
  };
  for (const pid of pids) visit(pid);
  return ticks * 10; // USER_HZ = 100 on Linux
}

const children: ChildProcess[] = [];
function start(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess & { output: () => string } {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (bytes: Buffer) => (output = (output + bytes.toString('utf8')).slice(-64 * 1024)));
  child.stderr!.on('data', (bytes: Buffer) => (output = (output + bytes.toString('utf8')).slice(-64 * 1024)));
  children.push(child);
  return Object.assign(child, { output: () => output });
}

function stopAll(): void {
  for (const child of children) if (child.exitCode === null && child.pid) child.kill('SIGTERM');
}

/** The page and headers of the guest's SimpleHTTPServer (node adds Date, Connection, Keep-Alive). */
const RAW_SERVER = `
const body = 'hello world!\\n';
const headers = { Server: 'SimpleHTTP/0.6 Python/2.7.5', 'Content-type': 'text/html', 'Content-Length': String(Buffer.byteLength(body)), 'Last-Modified': new Date().toUTCString() };
const server = require('node:http').createServer((_req, res) => { res.writeHead(200, 'OK', headers); res.end(body); });
server.keepAliveTimeout = 65000;
server.listen(Number(process.argv[1]), '127.0.0.1', () => console.log('listening'));
`;

interface Target {
  name: string;
  url: string;
  /** The processes whose CPU time serves this target (with their descendants). */
  pids: number[];
}

async function rawServer(): Promise<Target> {
  const port = await freePort();
  const child = start(process.execPath, ['-e', RAW_SERVER, String(port)]);
  await until('the raw server', async () => child.output().includes('listening'));
  return { name: 'raw', url: `http://127.0.0.1:${port}/`, pids: [child.pid!] };
}

async function nginx(dir: string): Promise<Target> {
  const upstreams = await Promise.all([freePort(), freePort()]);
  const pids: number[] = [];
  for (const port of upstreams) {
    const child = start(process.execPath, ['-e', RAW_SERVER, String(port)]);
    pids.push(child.pid!);
    await until('an nginx upstream', async () => child.output().includes('listening'));
  }
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/nginx-access.log combined buffer=64k flush=1s;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream members { ${upstreams.map((upstream) => `server 127.0.0.1:${upstream};`).join(' ')} keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / { proxy_pass http://members; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
`,
  );
  const child = start(NGINX, ['-c', conf, '-p', dir, '-g', 'daemon off;']);
  const url = `http://127.0.0.1:${port}/`;
  await until('nginx', async () => child.exitCode === null && (await fetch(url)).ok);
  return { name: 'nginx', url, pids: [child.pid!, ...pids] };
}

/** A client of the served product's API, logged in as its admin. */
async function api(base: string, password: string) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: object): Promise<unknown> => {
    const response = await fetch(`${base}/api${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  };
  return { get: <T>(path: string) => call('GET', path) as Promise<T>, post: <T>(path: string, body: object = {}) => call('POST', path, body) as Promise<T> };
}

/** An interactive login, as a user types it: `ssh -tt`, with what the guest prints read and counted. */
function sshSession(keyFile: string, sshCommand: string): { child: ChildProcess; screen: () => string; lines: () => number } {
  const [, ...args] = sshCommand.trim().split(/\s+/);
  const keyAt = args.indexOf('-i');
  if (keyAt >= 0) args.splice(keyAt, 2);
  const child = spawn('ssh', ['-i', keyFile, '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-o', 'LogLevel=ERROR', '-tt', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let screen = '';
  let lines = 0;
  child.stdout!.on('data', (bytes: Buffer) => {
    const text = bytes.toString('utf8');
    screen = (screen + text).slice(-4096);
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  });
  child.stderr!.on('data', (bytes: Buffer) => (screen = (screen + bytes.toString('utf8')).slice(-4096)));
  return { child, screen: () => screen, lines: () => lines };
}

interface Endpoint {
  sshCommand: string | null;
  ports: { guestPort: number; url: string | null }[];
}

async function servedProduct(dir: string, pool: string, extraEnv: NodeJS.ProcessEnv = {}) {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const password = 'bench-password-1';
  // `--profile DIR`: the served product writes a CPU profile there when it stops (node --cpu-prof).
  const profileAt = process.argv.indexOf('--profile');
  const profile = profileAt >= 0 ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.argv[profileAt + 1]!)}`] : [];
  const server = start(process.execPath, [...profile, '--import', 'tsx', 'apps/bff/src/server.ts'], {
    PORT: String(port),
    SANDCLOUD_DATA_DIR: join(dir, 'data'),
    SANDCLOUD_SPEED: '10', // as the e2e tests run it: health checks every 0.5 s
    SANDCLOUD_FLOATING_POOL: pool,
    SANDCLOUD_ADMIN_PASSWORD: password,
    SANDCLOUD_LOG_REQUESTS: '0',
    NODE_ENV: 'development',
    ...extraEnv,
  });
  const base = `http://127.0.0.1:${port}`;
  await until('the served product', async () => server.output().includes('Sandcloud is running'), 90_000);
  const client = await api(base, password);
  const project = await client.post<{ id: string }>('/projects', { name: 'bench' });
  const at = `/projects/${project.id}`;
  await client.post(`${at}/compute/activate`);
  const pem = await client.post<string>(`${at}/key-pairs`, { name: 'bench' });
  const keyFile = join(dir, 'bench.pem');
  writeFileSync(keyFile, pem);
  chmodSync(keyFile, 0o400);
  const groups = await client.get<{ items: { id: string; name: string }[] }>(`${at}/security-groups`);
  const groupId = groups.items.find((group) => group.name === 'default')!.id;
  for (const guestPort of [22, 80]) {
    await client.post(`${at}/security-groups/${groupId}/rules`, {
      direction: 'ingress',
      etherType: 'IPv4',
      protocol: 'tcp',
      portRangeMin: guestPort,
      portRangeMax: guestPort,
      remoteIpPrefix: '0.0.0.0/0',
      remoteGroupId: null,
      description: '',
    });
  }
  const networks = await client.get<{ items: { id: string; name: string; subnetId: string }[] }>(`${at}/networks`);
  const network = networks.items.find((candidate) => candidate.name === 'Default Network') ?? networks.items[0]!;
  const { items } = await client.post<{ items: { id: string; portId: string | null }[] }>(`${at}/instances`, {
    name: 'web',
    imageId: CENTOS_7,
    flavorId: 'm2.c1m2',
    zone: 'kr-pub-a',
    rootDiskGb: 20,
    count: 2,
    keyName: 'bench',
    securityGroupIds: [groupId],
    networkId: network.id,
  });
  const instances = await Promise.all(
    items.map((instance) =>
      until(`instance ${instance.id}`, async () => {
        const current = await client.get<{ id: string; status: string; taskState: string | null; portId: string | null }>(`${at}/instances/${instance.id}`);
        return current.status === 'ACTIVE' && !current.taskState && current.portId ? current : undefined;
      }),
    ),
  );
  const floatingIpFor = async (portId: string): Promise<Endpoint> => {
    const floatingIp = await client.post<{ id: string }>(`${at}/floating-ips`);
    await client.post(`${at}/floating-ips/${floatingIp.id}/associate`, { portId });
    return client.get<Endpoint>(`${at}/floating-ips/${floatingIp.id}/endpoint`);
  };
  const sessions = [];
  for (const instance of instances) {
    const endpoint = await floatingIpFor(instance.portId!);
    const session = sshSession(keyFile, endpoint.sshCommand!);
    await until('the ssh login', async () => /\]# ?$/.test(session.screen().trimEnd() + ' ') || session.screen().includes(']#'), 30_000);
    session.child.stdin!.write(`echo 'hello world!' > index.html\r`);
    session.child.stdin!.write('python -m SimpleHTTPServer 80\r');
    await until('the web server', async () => session.screen().includes('Serving HTTP on 0.0.0.0 port 80'), 30_000);
    sessions.push(session);
  }
  const lb = await client.post<{ id: string; vipPortId: string }>(`${at}/load-balancers`, {
    name: 'web-lb',
    subnetId: network.subnetId,
    listener: { protocol: 'HTTP', protocolPort: 80 },
    pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: instances.map((instance) => ({ instanceId: instance.id })), healthMonitor: { type: 'TCP', monitorPort: 80 } },
  });
  await until('the load balancer', async () => (await client.get<{ provisioningStatus: string }>(`${at}/load-balancers/${lb.id}`)).provisioningStatus === 'ACTIVE');
  const lbView = await client.get<{ vipPortId: string }>(`${at}/load-balancers/${lb.id}`);
  const endpoint = await floatingIpFor(lbView.vipPortId);
  const url = endpoint.ports.find((entry) => entry.guestPort === 80)!.url!;
  await until('the load balancer’s floating IP', async () => (await fetch(url)).ok);
  return { url, server, sessions };
}

interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time of the target's processes per request (µs). */
  cpuPerRequest?: number;
}

/** `wrk --latency` durations (`812.00us`, `1.20ms`, `1.01s`) in ms. */
function ms(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`not a wrk duration: ${text}`);
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 'ms' ? value : match[2] === 's' ? value * 1000 : value * 60_000;
}

async function wrk(url: string, seconds: number, connections: number): Promise<Run> {
  const child = spawn(WRK, ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '--timeout', '5s', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (bytes: Buffer) => (output += bytes.toString('utf8')));
  child.stderr.on('data', (bytes: Buffer) => (output += bytes.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 15) * 1000);
  await new Promise((done) => child.on('close', done));
  clearTimeout(killer);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p50 = /^\s+50%\s+(\S+)/m.exec(output);
  const p99 = /^\s+99%\s+(\S+)/m.exec(output);
  if (!rps || !p50 || !p99) throw new Error(`wrk said:\n${output}`);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  const errorCount = (errors ? errors.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0);
  return { requestsPerSecond: Number(rps[1]), p50: ms(p50[1]!), p99: ms(p99[1]!), errors: errorCount };
}

/** `--compare-env NAME=VALUE[,NAME=VALUE]`: a second served product with these variables, as target `lb-b`. */
function compareEnv(): NodeJS.ProcessEnv | null {
  const at = process.argv.indexOf('--compare-env');
  if (at < 0) return null;
  const env: NodeJS.ProcessEnv = {};
  for (const pair of (process.argv[at + 1] ?? '').split(',')) {
    const [name, ...value] = pair.split('=');
    if (!name) throw new Error('--compare-env takes NAME=VALUE[,NAME=VALUE]');
    env[name] = value.join('=');
  }
  return env;
}

export async function main(): Promise<number> {
  const rounds = Math.round(flag('rounds', 3));
  const only = process.argv.includes('--lb-only');
  const duration = Math.round(flag('duration', 5));
  const connections = Math.round(flag('connections', 50));
  const variant = compareEnv();
  const dir = mkdtempSync(join(tmpdir(), 'sandcloud-lb-path-'));
  console.log(`load average at start: ${load()}`);
  try {
    const product = await servedProduct(join(dir, 'a'), FLOATING_POOL);
    const lb: Target = { name: 'lb', url: product.url, pids: [product.server.pid!] };
    if (only) {
      // For profiling (`--profile DIR --lb-only`): the load balancer alone, no comparison.
      const before = cpuMs(lb.pids);
      const run = await wrk(product.url, duration * rounds, connections);
      const cpu = ((cpuMs(lb.pids) - before) * 1000) / (run.requestsPerSecond * duration * rounds);
      console.log(`lb alone: ${Math.round(run.requestsPerSecond)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, server CPU ${cpu.toFixed(1)} µs/req; load average ${load()}`);
      return 0;
    }
    const other = variant ? await servedProduct(join(dir, 'b'), COMPARE_POOL, variant) : null;
    const targets: Target[] = [await rawServer(), await nginx(dir), lb];
    if (other) targets.push({ name: 'lb-b', url: other.url, pids: [other.server.pid!] });
    if (variant) console.log(`lb-b: the served product with ${Object.entries(variant).map(([name, value]) => `${name}=${value}`).join(' ')}`);
    console.log(targets.map((target) => `${target.name}: ${target.url}`).join('\n'));
    console.log('… warm-up: 2 s each');
    for (const target of targets) await wrk(target.url, 2, connections);
    const results: Run[][] = targets.map(() => []);
    const loads: string[] = [];
    for (let round = 0; round < rounds; round++) {
      for (let step = 0; step < targets.length; step++) {
        const index = (round + step) % targets.length;
        const target = targets[index]!;
        const before = cpuMs(target.pids);
        const run = await wrk(target.url, duration, connections);
        run.cpuPerRequest = ((cpuMs(target.pids) - before) * 1000) / (run.requestsPerSecond * duration);
        results[index]!.push(run);
      }
      loads.push(load());
    }
    const RAW = 0;
    const ratioOf = (index: number, round: number) => results[index]![round]!.requestsPerSecond / results[RAW]![round]!.requestsPerSecond;
    console.log(`\nwrk -t1 -c${connections} -d${duration}s, ${rounds} rounds, rotating order\n`);
    console.table(
      loads.map((loadAverage, round) => {
        const row: Record<string, string | number> = { round: round + 1, 'load avg 1/5/15': loadAverage };
        targets.forEach((target, index) => (row[`${target.name} req/s`] = Math.round(results[index]![round]!.requestsPerSecond)));
        targets.forEach((target, index) => index !== RAW && (row[`${target.name}/raw`] = `${(ratioOf(index, round) * 100).toFixed(0)} %`));
        return row;
      }),
    );
    const summary = targets.map((target, index) => {
      const runs = results[index]!;
      const ratio = median(runs.map((_run, round) => ratioOf(index, round)));
      return {
        target: target.name,
        'req/s (median)': Math.round(median(runs.map((run) => run.requestsPerSecond))),
        'p50 ms': median(runs.map((run) => run.p50)).toFixed(2),
        'p99 ms': median(runs.map((run) => run.p99)).toFixed(2),
        'ratio to raw': `${(ratio * 100).toFixed(0)} %`,
        'server CPU µs/req': median(runs.map((run) => run.cpuPerRequest ?? NaN)).toFixed(1),
        errors: runs.reduce((sum, run) => sum + run.errors, 0),
        ratio,
      };
    });
    console.table(summary.map(({ ratio: _ratio, ...row }) => row));
    const logLines = [product, ...(other ? [other] : [])].flatMap((served) => served.sessions.map((session) => session.lines()));
    console.log(`access-log lines the ssh sessions received: ${logLines.join(', ')}; load average at end: ${load()}`);
    const NGINX_AT = 1;
    let met = true;
    for (const index of targets.map((_target, at) => at).filter((at) => at >= 2)) {
      const ratio = summary[index]!.ratio;
      const p99Factor = median(results[index]!.map((run) => run.p99)) / median(results[NGINX_AT]!.map((run) => run.p99));
      const ok = ratio >= TARGET_RATIO && p99Factor <= TARGET_P99_FACTOR && summary[index]!.errors === 0;
      if (index === 2) met = ok;
      console.log(
        `${targets[index]!.name}/raw ${(ratio * 100).toFixed(0)} % (target ≥ ${TARGET_RATIO * 100} %), p99 ${p99Factor.toFixed(2)}× nginx's (target ≤ ${TARGET_P99_FACTOR}×): ${ok ? 'met' : 'NOT met'}`,
      );
    }
    return met ? 0 : 1;
  } finally {
    stopAll();
    await new Promise((done) => setTimeout(done, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.on('SIGINT', () => {
    stopAll();
    process.exit(130);
  });
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      stopAll();
      process.exit(2);
    },
  );
}

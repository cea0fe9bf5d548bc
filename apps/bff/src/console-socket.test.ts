import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { attachConsoleSockets, CONSOLE_CLOSE } from './console-socket.ts';
import { ADMIN, createTestApi, login } from './test-support/test-api.ts';

const CENTOS = '6f1c0a00-0000-4000-8000-000000000007';
const PROMPT = '[root@host-192-168-0-4 ~]# ';
/** Any directory's prompt at the end of the screen. */
const ANY_PROMPT = /\[root@host-192-168-0-4 [^\]]+\]# $/;

const teardowns: (() => Promise<void>)[] = [];
const serverErrors: unknown[] = [];
afterEach(async () => {
  await Promise.all(teardowns.splice(0).map((teardown) => teardown()));
  expect(serverErrors.splice(0)).toEqual([]);
});

/** A real HTTP server on an ephemeral port, a project with one running CentOS instance, and its users. */
async function setup() {
  const api = createTestApi();
  const server = createServer(api.app);
  const sockets = attachConsoleSockets(server, api.engine, { onError: (error) => serverErrors.push(error) });
  teardowns.push(async () => {
    sockets.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const admin = await login(api.app);
  for (const name of ['member1', 'viewer1', 'outsider']) await admin.post('/users', { username: name, password: `${name}-pass` }).expect(201);
  const projectId = (await admin.post('/projects', { name: 'demo' }).expect(201)).body.id as string;
  await admin.post(`/projects/${projectId}/compute/activate`).expect(200);
  await admin.put(`/projects/${projectId}/members`, { username: 'member1', role: 'member' }).expect(200);
  await admin.put(`/projects/${projectId}/members`, { username: 'viewer1', role: 'viewer' }).expect(200);
  const path = `/projects/${projectId}`;
  await admin.post(`${path}/key-pairs/import`, {
    name: 'my_keypair',
    publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx test@example',
  }).expect(201);
  const networkId = (await admin.get(`${path}/networks`)).body.items[0].id as string;
  const groups = (await admin.get(`${path}/security-groups`)).body.items as { id: string; name: string }[];
  const created = await admin.post(`${path}/instances`, {
    name: 'web', imageId: CENTOS, flavorId: 'm2.c1m2', zone: 'kr-pub-a', rootDiskGb: 20, count: 1,
    keyName: 'my_keypair', securityGroupIds: [groups.find((g) => g.name === 'default')!.id], networkId,
  }).expect(201);
  const instanceId = created.body.items[0].id as string;
  api.engine.advance(5_000);

  const consoleUrl = (instance = instanceId, project = projectId, query = '') =>
    `${base.replace('http', 'ws')}/api/projects/${project}/instances/${instance}/console${query}`;
  return { ...api, base, admin, projectId, instanceId, path, consoleUrl };
}

/** Logs in with fetch, as a browser would, and returns the session cookie. */
async function sessionCookie(base: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** A console client: what the terminal shows so far, and helpers to type and wait. */
class Terminal {
  screen = '';
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary) => {
      expect(isBinary).toBe(true);
      this.screen += data.toString('utf8');
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  type(text: string): void {
    this.ws.send(Buffer.from(text, 'utf8'));
  }

  /** Resolves when the screen, from `from` on, contains the text. */
  async waitFor(text: string, from = 0): Promise<string> {
    const deadline = Date.now() + 5_000;
    while (!this.screen.slice(from).includes(text)) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${JSON.stringify(text)}; screen:\n${this.screen}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.screen.slice(from);
  }

  /** Types a command line and returns what it printed (the echoed line first), up to the next prompt. */
  async run(line: string): Promise<string> {
    const from = this.screen.length;
    this.type(`${line}\r`);
    const deadline = Date.now() + 5_000;
    await this.waitFor('\r\n', from);
    while (!ANY_PROMPT.test(this.screen.slice(from))) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the prompt; screen:\n${this.screen}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.screen.slice(from).replace(ANY_PROMPT, '');
  }
}

async function openTerminal(url: string, headers: Record<string, string>): Promise<Terminal> {
  const ws = new WebSocket(url, { headers });
  const terminal = new Terminal(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return terminal;
}

/** The HTTP status and error body of a refused handshake. */
function refusal(url: string, headers: Record<string, string>): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => reject(new Error('The socket was opened')));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) }));
    });
    ws.once('error', () => undefined);
  });
}

describe('console socket', () => {
  it('gives a member a login shell: the prompt, then commands answer', async () => {
    const { base, consoleUrl } = await setup();
    const cookie = await sessionCookie(base, 'member1', 'member1-pass');
    const terminal = await openTerminal(consoleUrl(), { Cookie: cookie, Origin: base });
    await terminal.waitFor(PROMPT);
    expect(await terminal.run('echo hello')).toBe('echo hello\r\nhello\r\n');
    terminal.ws.close();
  });

  it('refuses a socket without a session, from another site, for a viewer and for another tenant', async () => {
    const { base, consoleUrl } = await setup();
    const member = await sessionCookie(base, 'member1', 'member1-pass');
    const viewer = await sessionCookie(base, 'viewer1', 'viewer1-pass');
    const outsider = await sessionCookie(base, 'outsider', 'outsider-pass');

    expect(await refusal(consoleUrl(), { Origin: base })).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await refusal(consoleUrl(), { Cookie: member, Origin: 'http://evil.example' })).toMatchObject({ status: 403, body: { error: { code: 'CROSS_ORIGIN' } } });
    expect(await refusal(consoleUrl(), { Cookie: member })).toMatchObject({ status: 403, body: { error: { code: 'CROSS_ORIGIN' } } });
    expect(await refusal(consoleUrl(), { Cookie: viewer, Origin: base })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await refusal(consoleUrl(), { Cookie: outsider, Origin: base })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await refusal(consoleUrl('no-such-instance'), { Cookie: member, Origin: base })).toMatchObject({ status: 404 });
  });

  it('gives each session its own shell; a program prints in the session that started it', async () => {
    const { base, consoleUrl } = await setup();
    const cookie = await sessionCookie(base, ADMIN.username, ADMIN.password);
    const first = await openTerminal(consoleUrl(), { Cookie: cookie, Origin: base });
    const second = await openTerminal(consoleUrl(), { Cookie: cookie, Origin: base });
    await Promise.all([first.waitFor(PROMPT), second.waitFor(PROMPT)]);

    await first.run('mkdir site; cd site; echo hello world! > index.html');
    expect(await first.run('pwd')).toContain('/root/site');
    expect(await second.run('pwd')).toBe('pwd\r\n/root\r\n');
    expect(await first.run('echo $$')).not.toBe((await second.run('echo $$')));

    // A web server started in the first session logs there the request the second one makes.
    const from = first.screen.length;
    first.type('python -m SimpleHTTPServer 8000\r');
    await first.waitFor('Serving HTTP on 0.0.0.0 port 8000 ...', from);
    expect(await second.run('curl -s http://localhost:8000/')).toContain('\r\nhello world!\r\n');
    await first.waitFor('"GET / HTTP/1.1" 200 -', from);
    expect(second.screen).not.toContain('GET / HTTP');
    expect(second.screen).not.toContain('Serving HTTP');
    first.ws.close();
    second.ws.close();
  });

  it('sizes the terminal from the URL and follows resize messages', async () => {
    const { base, consoleUrl } = await setup();
    const cookie = await sessionCookie(base, 'member1', 'member1-pass');
    const terminal = await openTerminal(consoleUrl(undefined, undefined, '?cols=20&rows=10'), { Cookie: cookie, Origin: base });
    await terminal.waitFor(PROMPT);
    await terminal.run('mkdir d; cd d; touch alpha-file bravo-file charlie-file');
    // ls lays names out in columns as wide as the terminal: 20 columns hold one name per line.
    expect(await terminal.run('ls')).toBe('ls\r\nalpha-file\r\nbravo-file\r\ncharlie-file\r\n');
    terminal.ws.send(JSON.stringify({ type: 'resize', cols: 132, rows: 40 }));
    terminal.ws.send('not json');
    terminal.ws.send(JSON.stringify({ type: 'resize', cols: 'wide' }));
    expect(await terminal.run('ls')).toBe('ls\r\nalpha-file  bravo-file  charlie-file\r\n');
    expect(await terminal.run('echo $COLUMNS x $LINES')).toContain('132 x 40');
    terminal.ws.close();
  });

  it('closes the socket with "logout" when the shell exits', async () => {
    const { base, consoleUrl } = await setup();
    const cookie = await sessionCookie(base, 'member1', 'member1-pass');
    const terminal = await openTerminal(consoleUrl(), { Cookie: cookie, Origin: base });
    await terminal.waitFor(PROMPT);
    terminal.type('exit\r');
    expect(await terminal.closed).toEqual({ code: CONSOLE_CLOSE.LOGOUT, reason: 'logout' });
    expect(terminal.screen).toContain('logout\r\n');
  });

  it('hangs up the session when the socket closes: its programs get SIGHUP', async () => {
    const { base, consoleUrl } = await setup();
    const cookie = await sessionCookie(base, 'member1', 'member1-pass');
    const first = await openTerminal(consoleUrl(), { Cookie: cookie, Origin: base });
    await first.waitFor(PROMPT);
    first.type('python -m SimpleHTTPServer 8000\r');
    await first.waitFor('Serving HTTP on 0.0.0.0 port 8000 ...');
    first.ws.close();
    await first.closed;

    const second = await openTerminal(consoleUrl(), { Cookie: cookie, Origin: base });
    await second.waitFor(PROMPT);
    expect(await second.run('curl -s http://localhost:8000/; echo exit=$?')).toContain('exit=7');
    second.ws.close();
  });

  it('closes the socket when the instance stops, and refuses a new one while it is off', async () => {
    const { base, consoleUrl, admin, path, instanceId, engine } = await setup();
    const cookie = await sessionCookie(base, 'member1', 'member1-pass');
    const terminal = await openTerminal(consoleUrl(), { Cookie: cookie, Origin: base });
    await terminal.waitFor(PROMPT);
    await admin.post(`${path}/instances/${instanceId}/actions`, { action: 'stop' }).expect(202);
    engine.advance(3_000);
    expect(await terminal.closed).toEqual({ code: CONSOLE_CLOSE.INSTANCE_DOWN, reason: 'Instance web stopped' });

    const again = new Terminal(new WebSocket(consoleUrl(), { headers: { Cookie: cookie, Origin: base } }));
    expect(await again.closed).toEqual({ code: 4409, reason: expect.stringMatching(/Instance web is SHUTOFF; start it/) });
  });
});

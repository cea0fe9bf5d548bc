import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_KEY_FILE } from './ssh/host-key.ts';
import { createGuideWorld, type GuideWorld } from './testing/guide-world.ts';
import { httpGet, keyFile, ssh, SSH_OPTIONS, strangerKey, Tmux } from './testing/tools.ts';

// The guide's steps 5 and 6 with real tools: OpenSSH's ssh and HTTP from this machine to the
// floating IP's loopback endpoint (203.0.113.x → 127.0.113.x; this file's pool is 198.18.1.x →
// 127.18.1.x so it never collides with other test files).

const POOL = { start: '198.18.1.10', end: '198.18.1.250' };
const DROPPED = ['-o', 'ConnectTimeout=2', '-o', 'BatchMode=yes'];

let world: GuideWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

async function guideInstance(options: { pool?: { start: string; end: string }; privilegedPorts?: boolean } = {}) {
  world = createGuideWorld({ floatingPool: options.pool ?? POOL });
  const [web] = world.createInstances('web', 1);
  const floatingIp = world.attachFloatingIp(web!.portId!);
  const plane = await world.startDataPlane({ privilegedPorts: options.privilegedPorts ?? true });
  const address = plane.endpointOf(floatingIp).address;
  return { world, web: web!, floatingIp, plane, address, key: keyFile(world.privateKeyPem) };
}

describe('SSH to a floating IP', () => {
  it('is dropped without a rule for TCP 22, then logs in with the key pair and runs commands', async () => {
    const { world, web, floatingIp, plane, address, key } = await guideInstance();
    expect(address).toBe('127.18.1.10');

    const blocked = await ssh(['-i', key, ...DROPPED, `root@${address}`, 'echo hi']);
    expect(blocked.code).toBe(255);
    expect(blocked.stderr).toMatch(/timed out/i);

    world.allowTcp(22);
    await plane.settled();
    const hi = await ssh(['-i', key, '-o', 'BatchMode=yes', `root@${address}`, 'echo hi']);
    expect(hi).toMatchObject({ code: 0, stdout: 'hi\n' });

    // The guide's index.html, typed in the console's terminal: the same guest.
    const terminal = world.terminal(web);
    await terminal.waitFor(/\]# $/);
    terminal.type('cat > index.html\r');
    terminal.type('hello world!\r');
    terminal.type('\x04');
    await terminal.waitFor(/\]# $/);
    const page = await ssh(['-i', key, '-o', 'BatchMode=yes', `root@${address}`, 'cat index.html']);
    expect(page).toMatchObject({ code: 0, stdout: 'hello world!\n' });

    const log = world.engine.modules.flowLogs.list(web.id);
    expect(log.map((entry) => [entry.action, entry.reasonCode, entry.port])).toEqual(
      expect.arrayContaining([
        ['DROP', 'NO_MATCHING_RULE', 22],
        ['ACCEPT', 'ALLOWED_BY_RULE', 22],
      ]),
    );
    expect(log.find((entry) => entry.action === 'DROP')).toMatchObject({ sourceIp: '103.243.200.42', destinationIp: floatingIp });
  });

  it('refuses a key that is not in authorized_keys and never takes a password', async () => {
    const { world, address } = await guideInstance();
    world.allowTcp(22);
    await world.startDataPlane().then((plane) => plane.settled());

    const stranger = await ssh(['-i', strangerKey(), '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', `root@${address}`, 'echo hi']);
    expect(stranger.code).toBe(255);
    expect(stranger.stderr).toMatch(/Permission denied \(publickey\)/);

    // A client that would type a password (through SSH_ASKPASS) is never asked for one.
    const password = await ssh(['-o', 'PreferredAuthentications=password,keyboard-interactive', '-o', 'PubkeyAuthentication=no', '-o', 'NumberOfPasswordPrompts=1', `root@${address}`, 'echo hi'], {
      env: { ...process.env, SSH_ASKPASS: '/bin/false', SSH_ASKPASS_REQUIRE: 'force', DISPLAY: '' },
    });
    expect(password.code).toBe(255);
    expect(password.stderr).toMatch(/Permission denied \(publickey\)/);
  });

  it('opens the guest shell on a PTY: resize, CTRL+C, CTRL+D and exit', async () => {
    const { world, web, address, key } = await guideInstance();
    world.allowTcp(22);
    await world.startDataPlane().then((plane) => plane.settled());
    const console = world.terminal(web);
    await console.run('echo from-console > shared.txt');

    const tmux = new Tmux();
    try {
      tmux.start(100, 30, ['ssh', ...SSH_OPTIONS, '-tt', '-i', key, '-o', 'BatchMode=yes', `root@${address}`]);
      await tmux.waitFor(/\[root@host-192-168-0-4 ~\]# $/m);
      tmux.resize(140, 40);
      tmux.send('echo cols=$COLUMNS rows=$LINES', 'Enter');
      await tmux.waitFor(/cols=140 rows=40/);
      tmux.send('cat shared.txt', 'Enter');
      await tmux.waitFor(/^from-console$/m);
      tmux.send('python -m SimpleHTTPServer 8000', 'Enter');
      await tmux.waitFor(/Serving HTTP on 0\.0\.0\.0 port 8000/);
      tmux.send('C-c');
      await tmux.waitFor(/KeyboardInterrupt/);
      tmux.send('cat > notes.txt', 'Enter', 'typed over ssh', 'Enter', 'C-d');
      tmux.send('cat notes.txt', 'Enter');
      await tmux.waitFor(/^typed over ssh\n(.|\n)*^typed over ssh$/m);
      tmux.send('exit', 'Enter');
      await tmux.waitForExit();
    } finally {
      tmux.kill();
    }
    expect((await console.run('cat notes.txt')).includes('typed over ssh')).toBe(true);
  });

  it('does not answer for a SHUTOFF instance', async () => {
    const { world, web, plane, address, key } = await guideInstance();
    world.allowTcp(22);
    world.engine.modules.instances.stop(world.projectId, web.id);
    world.engine.advance(3_000);
    await plane.settled();
    const result = await ssh(['-i', key, ...DROPPED, `root@${address}`, 'echo hi']);
    expect(result.code).toBe(255);
    expect(result.stderr).toMatch(/timed out/i);
    expect(world.engine.modules.flowLogs.list(web.id)[0]).toMatchObject({ action: 'DROP', reasonCode: 'INSTANCE_NOT_RUNNING' });
  });

  it('keeps its host key in the data directory across restarts', async () => {
    const { world, plane } = await guideInstance();
    const fingerprint = plane.hostKeyFingerprint;
    await plane.close();
    const again = await world.startDataPlane();
    expect(again.hostKeyFingerprint).toBe(fingerprint);
    expect(statSync(join(world.dataDir, HOST_KEY_FILE)).mode & 0o777).toBe(0o600);
  });
});

describe('HTTP to a floating IP', () => {
  it('is dropped without a rule, refused without a server, and answers from the guest with the client public IP in its log', async () => {
    const { world, web, floatingIp, plane, address } = await guideInstance();
    await expect(httpGet(`http://${address}/`, { timeoutMs: 800 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });

    world.allowTcp(80);
    await plane.settled();
    await expect(httpGet(`http://${address}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    const terminal = world.terminal(web);
    await terminal.run(`echo 'hello world!' > index.html`);
    await terminal.run('python -m SimpleHTTPServer 80', /Serving HTTP on 0\.0\.0\.0 port 80/);
    await plane.settled();
    const page = await httpGet(`http://${address}/`);
    expect(page).toMatchObject({ status: 200, body: 'hello world!\n' });
    expect(page.headers.server).toMatch(/SimpleHTTP/);
    await terminal.waitFor(/103\.243\.200\.42 - - \[.+\] "GET \/ HTTP\/1\.1" 200 -/);

    // CTRL+C stops the server: the port refuses again.
    terminal.type('\x03');
    await terminal.waitFor(/KeyboardInterrupt/);
    await plane.settled();
    await expect(httpGet(`http://${address}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    const actions = world.engine.modules.flowLogs.list(web.id).map((entry) => `${entry.action} ${entry.reasonCode} ${entry.destinationIp}:${entry.port}`);
    expect(actions).toEqual(
      expect.arrayContaining([`DROP NO_MATCHING_RULE ${floatingIp}:80`, `ACCEPT ALLOWED_BY_RULE ${floatingIp}:80`]),
    );
    // A refused connection never reaches a socket of ours (the kernel answers it), so it is not logged.
  });

  it('follows "My IP": a /32 rule for the client public IP admits this machine until the setting changes', async () => {
    const { world, web, plane, address } = await guideInstance();
    world.allowTcp(80, '103.243.200.42/32');
    const terminal = world.terminal(web);
    await terminal.run('python -m SimpleHTTPServer 80', /Serving HTTP/);
    await plane.settled();
    expect((await httpGet(`http://${address}/`)).status).toBe(200);

    world.engine.settings.setClientPublicIp('198.51.100.23');
    await plane.settled();
    await expect(httpGet(`http://${address}/`, { timeoutMs: 800 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
  });
});

describe('without privileged ports', () => {
  it('offers guest ports below 1024 at 10000 + p', async () => {
    const { world, web, plane, address, key, floatingIp } = await guideInstance({ pool: { start: '198.18.4.10', end: '198.18.4.250' }, privilegedPorts: false });
    world.allowTcp(22);
    world.allowTcp(80);
    const terminal = world.terminal(web);
    await terminal.run(`echo 'hello world!' > index.html`);
    await terminal.run('python -m SimpleHTTPServer 80', /Serving HTTP/);
    await plane.settled();

    expect(plane.endpointOf(floatingIp).ports).toEqual(
      expect.arrayContaining([
        { guestPort: 22, localPort: 10022, service: 'ssh' },
        { guestPort: 80, localPort: 10080, service: 'http' },
      ]),
    );
    expect((await ssh(['-i', key, '-p', '10022', '-o', 'BatchMode=yes', `root@${address}`, 'echo hi'])).stdout).toBe('hi\n');
    expect((await httpGet(`http://${address}:10080/`)).body).toBe('hello world!\n');
  });
});

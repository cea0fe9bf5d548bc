import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssh, SSH_OPTIONS } from '../testing/tools.ts';
import { parseAuthorizedKeys } from './authorized-keys.ts';
import { HOST_KEY_FILE, loadOrCreateHostKey, type HostKey } from './host-key.ts';
import { createSshSessionServer, type SshSession } from './ssh-session-server.ts';

// The SSH server on its own, against OpenSSH's client and ssh-keyscan: every key type OpenSSH
// generates, a PTY with its resizes and signals, and the host key as clients see it.

const dir = mkdtempSync(join(tmpdir(), 'sandcloud-ssh-'));
const keys = Object.fromEntries(
  (['ed25519', 'rsa', 'ecdsa', 'stranger'] as const).map((name) => {
    const path = join(dir, `id_${name}`);
    execFileSync('ssh-keygen', ['-q', '-t', name === 'stranger' ? 'ed25519' : name, '-N', '', '-f', path]);
    return [name, path];
  }),
) as Record<'ed25519' | 'rsa' | 'ecdsa' | 'stranger', string>;
const HOST = '127.18.5.1';
let server: Server;
let port = 0;
let hostKey: HostKey;
/** What the last interactive session saw: its PTY, resizes and signals. */
const seen: { pty: SshSession['pty']; resizes: [number, number][]; signals: string[] } = { pty: null, resizes: [], signals: [] };

beforeAll(async () => {
  hostKey = loadOrCreateHostKey(join(dir, 'data'));
  const authorized = parseAuthorizedKeys(
    [
      '# a comment',
      `from="127.0.0.1",no-pty ${readFileSync(`${keys.ed25519}.pub`, 'utf8')}`,
      'not a key line',
      readFileSync(`${keys.rsa}.pub`, 'utf8'),
      readFileSync(`${keys.ecdsa}.pub`, 'utf8'),
    ].join('\n'),
  );
  expect(authorized).toHaveLength(3);
  const sessions = createSshSessionServer(hostKey, {
    authorizedKeys: async (user) => (user === 'root' ? authorized : []),
    // A tiny line-echoing shell: enough to see bytes, resizes and signals travel both ways.
    shell: (session) => {
      seen.pty = session.pty;
      seen.resizes = [];
      seen.signals = [];
      session.onResize((columns, rows) => seen.resizes.push([columns, rows]));
      session.onSignal((name) => seen.signals.push(name));
      session.stream.write('$ ');
      session.stream.on('data', (bytes: Buffer) => {
        const text = bytes.toString();
        if (text.includes('\x04')) {
          session.stream.exit(0);
          session.stream.end();
        } else session.stream.write(`got ${JSON.stringify(text)}\r\n$ `);
      });
    },
    exec: (session, command) => {
      session.stream.write(`ran ${command}\n`);
      session.stream.stderr.write('to stderr\n');
      session.stream.exit(7);
      session.stream.end();
    },
  });
  server = createServer((socket) => sessions.handle(socket));
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const login = (key: string, ...rest: string[]) => ['-i', key, '-p', String(port), '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', ...rest];

describe('the SSH server', () => {
  it.each(['ed25519', 'rsa', 'ecdsa'] as const)('logs in with an %s key and runs a command with its exit status', async (type) => {
    const result = await ssh([...login(keys[type]), `root@${HOST}`, 'echo hi']);
    expect(result).toMatchObject({ code: 7, stdout: 'ran echo hi\n', stderr: 'to stderr\n' });
  });

  it('refuses a key that is not authorized, another user, and a password', async () => {
    const stranger = await ssh([...login(keys.stranger), `root@${HOST}`, 'true']);
    expect(stranger).toMatchObject({ code: 255 });
    expect(stranger.stderr).toMatch(/Permission denied \(publickey\)/);
    const other = await ssh([...login(keys.ed25519), `centos@${HOST}`, 'true']);
    expect(other.stderr).toMatch(/Permission denied \(publickey\)/);
    const password = await ssh(['-p', String(port), '-o', 'PubkeyAuthentication=no', '-o', 'PreferredAuthentications=password,keyboard-interactive', `root@${HOST}`, 'true'], {
      env: { ...process.env, SSH_ASKPASS: '/bin/echo', SSH_ASKPASS_REQUIRE: 'force', DISPLAY: '' },
    });
    expect(password.stderr).toMatch(/Permission denied \(publickey\)/);
  });

  it('refuses port forwarding', async () => {
    const forward = await ssh([...login(keys.ed25519), '-o', 'ExitOnForwardFailure=yes', '-W', '127.0.0.1:80', `root@${HOST}`]);
    expect(forward.code).toBe(255);
  });

  it('gives a shell a PTY, carries typed lines both ways, and ends on CTRL+D', async () => {
    // `-tt` forces a PTY although stdin is a pipe, as a terminal would have one.
    const client = spawn('ssh', [...SSH_OPTIONS, ...login(keys.ed25519), '-tt', `root@${HOST}`], { env: { ...process.env, COLUMNS: '100', LINES: '30' } });
    let output = '';
    client.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const waitFor = async (text: string) => {
      for (let tries = 0; tries < 200 && !output.includes(text); tries++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(output).toContain(text);
    };
    await waitFor('$ ');
    client.stdin.write('hello\n');
    await waitFor('got "hello');
    client.stdin.write('\x04');
    const code = await new Promise<number | null>((resolve) => client.on('close', resolve));
    expect(code).toBe(0);
    expect(seen.pty).toMatchObject({ term: expect.any(String) });
  });

  it('passes window resizes and signals of a session to the shell', async () => {
    // OpenSSH sends these from a real terminal only; ssh2's client sends them on request.
    const client = new ssh2.Client();
    await new Promise<void>((resolve, reject) => {
      client.on('ready', resolve).on('error', reject);
      client.connect({ host: HOST, port, username: 'root', privateKey: readFileSync(keys.ed25519) });
    });
    const stream = await new Promise<ssh2.ClientChannel>((resolve, reject) =>
      client.shell({ term: 'xterm-256color', cols: 80, rows: 24 }, (error, channel) => (error ? reject(error) : resolve(channel))),
    );
    await new Promise((resolve) => stream.once('data', resolve));
    expect(seen.pty).toEqual({ term: 'xterm-256color', columns: 80, rows: 24 });
    stream.setWindow(40, 132, 0, 0);
    stream.signal('INT');
    await expect.poll(() => seen.signals).toEqual(['INT']);
    expect(seen.resizes).toEqual([[132, 40]]);
    client.end();
  });

  it('shows clients its Ed25519 host key, kept private in the data directory', async () => {
    // Asynchronously: the server runs in this very process.
    const scanned = await new Promise<string>((resolve, reject) =>
      execFile('ssh-keyscan', ['-p', String(port), '-t', 'ed25519', HOST], (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    const blob = Buffer.from(scanned.trim().split(/\s+/)[2]!, 'base64');
    expect(blob.equals(hostKey.publicBlob)).toBe(true);
    const fingerprint = execFileSync('ssh-keygen', ['-l', '-f', '-'], { input: scanned }).toString();
    expect(fingerprint).toContain(hostKey.fingerprint);
    expect(statSync(join(dir, 'data', HOST_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateHostKey(join(dir, 'data')).fingerprint).toBe(hostKey.fingerprint);
  });
});

import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesExpectedCodes } from '../health-probe.ts';
import { ssh } from '../testing/tools.ts';
import { SshServerConnection } from './connection.ts';
import { authorizedKeyBlobs, loadOrCreateHostKey, type HostKey } from './keys.ts';

// The SSH server on its own, against OpenSSH's client and ssh-keyscan: every key type OpenSSH
// generates, and the host key as clients see it.

const dir = mkdtempSync(join(tmpdir(), 'sandcloud-ssh-'));
const keys = Object.fromEntries(
  (['ed25519', 'rsa', 'ecdsa'] as const).map((type) => {
    const path = join(dir, `id_${type}`);
    execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', path]);
    return [type, path];
  }),
) as Record<'ed25519' | 'rsa' | 'ecdsa', string>;
let server: Server;
let port = 0;
let hostKey: HostKey;

beforeAll(async () => {
  hostKey = loadOrCreateHostKey(join(dir, 'data'));
  const authorized = authorizedKeyBlobs(
    [`# a comment`, `from="127.0.0.1",no-pty ${readFileSync(`${keys.ed25519}.pub`, 'utf8')}`, readFileSync(`${keys.rsa}.pub`, 'utf8'), readFileSync(`${keys.ecdsa}.pub`, 'utf8')].join('\n'),
  );
  server = createServer((socket) => {
    new SshServerConnection(socket, hostKey, {
      isAuthorized: async (user, blob) => user === 'root' && authorized.some((candidate) => candidate.equals(blob)),
      shell: (channel) => channel.exit(0),
      exec: (channel, command) => {
        channel.write(`ran ${command}\n`);
        channel.writeStderr('to stderr\n');
        channel.exit(7);
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.18.5.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SSH server', () => {
  it.each(['ed25519', 'rsa', 'ecdsa'] as const)('logs in with an %s key and runs a command with its exit status', async (type) => {
    const result = await ssh(['-i', keys[type], '-p', String(port), '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', 'root@127.18.5.1', 'echo hi']);
    expect(result).toMatchObject({ code: 7, stdout: 'ran echo hi\n', stderr: 'to stderr\n' });
  });

  it('refuses another user, and port forwarding', async () => {
    const other = await ssh(['-i', keys.ed25519, '-p', String(port), '-o', 'BatchMode=yes', 'centos@127.18.5.1', 'true']);
    expect(other.stderr).toMatch(/Permission denied \(publickey\)/);
    const forward = await ssh(['-i', keys.ed25519, '-p', String(port), '-o', 'BatchMode=yes', '-o', 'ExitOnForwardFailure=yes', '-W', '127.0.0.1:80', 'root@127.18.5.1']);
    expect(forward.code).toBe(255);
  });

  it('shows clients its Ed25519 host key', async () => {
    // Asynchronously: the server runs in this very process.
    const scanned = await new Promise<string>((resolve, reject) =>
      execFile('ssh-keyscan', ['-p', String(port), '-t', 'ed25519', '127.18.5.1'], (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    const blob = Buffer.from(scanned.trim().split(/\s+/)[2]!, 'base64');
    expect(blob.equals(hostKey.publicBlob)).toBe(true);
  });
});

describe('expected codes of HTTP health checks', () => {
  it('reads 200, 200,202 and 200-204 as Octavia does', () => {
    expect(matchesExpectedCodes(200, '200')).toBe(true);
    expect(matchesExpectedCodes(202, '200,202')).toBe(true);
    expect(matchesExpectedCodes(204, '200-204')).toBe(true);
    expect(matchesExpectedCodes(404, '200-204')).toBe(false);
  });
});

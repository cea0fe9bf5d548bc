import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { signIn, startServer, stopServer } from '../test-support/real-server.ts';

// A restart keeps the world: a web server started in a guest (here by its user data, as the guide's
// `python -m SimpleHTTPServer 80`) answers through its floating IP again after the real server
// process is stopped and started on the same data directory. Without the process keeper nothing
// listens after the restart (cloud-init does not run twice), so this fails.

const PASSWORD = 'restart-password';
const SERVER = { env: { SANDCLOUD_SPEED: '20', SANDCLOUD_FLOATING_POOL: '203.0.119.10-203.0.119.60' }, timeoutMs: 30_000 };

/** One GET on a fresh connection: the body, or the error's code (a refused port). */
const httpGet = (url: string) =>
  new Promise<string>((resolvePromise) => {
    const req = request(url, { agent: false, timeout: 2_000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolvePromise(body));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => resolvePromise(error.code ?? error.message));
    req.end();
  });

describe('a restart keeps the guests’ processes', () => {
  it('a web server in a guest answers through its floating IP after the server restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-restart-'));
    const first = await startServer(dataDir, PASSWORD, SERVER);
    const signedIn = await signIn(first.url, PASSWORD);
    const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => (await signedIn<T>(method, path, body)).body;
    const project = await call<{ id: string }>('POST', '/projects', { name: 'restart' });
    const base = `/projects/${project.id}`;
    await call('POST', `${base}/compute/activate`);
    await call('POST', `${base}/key-pairs/import`, { name: 'k', publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx t@e' });
    const networkId = (await call<{ items: { id: string }[] }>('GET', `${base}/networks`)).items[0]!.id;
    const group = (await call<{ items: { id: string; name: string }[] }>('GET', `${base}/security-groups`)).items.find((g) => g.name === 'default')!;
    await call('POST', `${base}/security-groups/${group.id}/rules`, { direction: 'ingress', etherType: 'IPv4', protocol: 'tcp', portRangeMin: 80, portRangeMax: 80, remoteIpPrefix: '0.0.0.0/0', remoteGroupId: null, description: '' });
    const created = await call<{ items: { id: string; portId: string }[] }>('POST', `${base}/instances`, {
      name: 'web',
      imageId: '6f1c0a00-0000-4000-8000-000000000007',
      flavorId: 'm2.c1m2',
      zone: 'kr-pub-a',
      rootDiskGb: 20,
      count: 1,
      keyName: 'k',
      securityGroupIds: [group.id],
      networkId,
      // `sync` puts index.html on the disk now rather than at the guest's next write-back; the keeper
      // records the web server when it starts listening, before the first answer below.
      userData: '#!/bin/bash\nmkdir /root/site && cd /root/site && echo still-here > index.html && sync && python -m SimpleHTTPServer 80 &\n',
    });
    const instanceId = created.items[0]!.id;
    await vi.waitFor(async () => expect((await call<{ status: string }>('GET', `${base}/instances/${instanceId}`)).status).toBe('ACTIVE'), { timeout: 20_000, interval: 200 });
    const portId = (await call<{ portId: string }>('GET', `${base}/instances/${instanceId}`)).portId;
    const fip = await call<{ id: string }>('POST', `${base}/floating-ips`);
    await call('POST', `${base}/floating-ips/${fip.id}/associate`, { portId });
    const { httpUrl } = await call<{ httpUrl: string }>('GET', `${base}/floating-ips/${fip.id}/endpoint`);
    await vi.waitFor(async () => expect(await httpGet(httpUrl)).toBe('still-here\n'), { timeout: 20_000, interval: 200 });

    await stopServer(first.child);
    expect(await httpGet(httpUrl)).toMatch(/ECONNREFUSED|timeout/);
    await startServer(dataDir, PASSWORD, SERVER);
    await vi.waitFor(async () => expect(await httpGet(httpUrl)).toBe('still-here\n'), { timeout: 20_000, interval: 200 });
  }, 90_000);
});

import { startDataPlane, type DataPlane } from '@sandcloud/data-plane';
import { createEngine, ManualClock, type Engine } from '@sandcloud/engine';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app.ts';
import { SESSION_COOKIE } from '../http/session.ts';
import { IMAGES, prepareComputeProject } from '../test-support/compute-project.ts';
import { activatedProject, ADMIN, login, type Client } from '../test-support/test-api.ts';

// Reaching instances from this machine, as the API describes it, and the boundary between the
// console's origin and the pages users write in their guests. This file's floating pool is
// 198.18.3.x (→ 127.18.3.x) so it never shares a loopback address with another test file.

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function setup() {
  const clock = new ManualClock();
  const engine: Engine = createEngine({ clock, floatingPool: { start: '198.18.3.10', end: '198.18.3.250' } });
  engine.ensureAdmin(ADMIN.username, ADMIN.password);
  const app = createApp(engine);
  const client = await login(app);
  const { projectId, base, defaultGroupId, createInstances } = await prepareComputeProject(client, await activatedProject(client));
  const [instance] = await createInstances({ imageId: IMAGES.centos7, flavorId: 't2.c1m1' });
  engine.advance(5_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-bff-dp-'));
  let plane: DataPlane | null = null;
  cleanup = async () => {
    await plane?.close();
    engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    engine,
    app,
    client,
    projectId,
    base,
    instance,
    groupId: defaultGroupId,
    start: async () => (plane = await startDataPlane(engine, { dataDir, privilegedPorts: true, log: () => undefined })),
  };
}

async function connectFloatingIp(client: Client, base: string, portId: string) {
  const floatingIp = (await client.post(`${base}/floating-ips`).expect(201)).body as { id: string; address: string };
  await client.post(`${base}/floating-ips/${floatingIp.id}/associate`, { portId }).expect(200);
  return floatingIp;
}

const allow = (client: Client, base: string, groupId: string, port: number) =>
  client
    .post(`${base}/security-groups/${groupId}/rules`, {
      direction: 'ingress',
      etherType: 'IPv4',
      protocol: 'tcp',
      portRangeMin: port,
      portRangeMax: port,
      remoteIpPrefix: '0.0.0.0/0',
      remoteGroupId: null,
      description: '',
    })
    .expect(201);

describe('reaching instances from this machine', () => {
  it('gives the SSH command and URL of the floating IP, and says why it does not work yet', async () => {
    const { client, base, instance, groupId } = await setup();
    const none = (await client.get(`${base}/instances/${instance.id}/connect-info`).expect(200)).body;
    expect(none).toEqual({
      sshCommand: null,
      httpUrl: null,
      localAddress: null,
      reason: `${instance.name} has no floating IP, so this machine cannot reach it. Connect a floating IP first.`,
      reasonMessageCode: 'connect.noFloatingIp',
      reasonParams: { name: instance.name },
    });

    const floatingIp = await connectFloatingIp(client, base, instance.portId);
    const blocked = (await client.get(`${base}/instances/${instance.id}/connect-info`).expect(200)).body;
    expect(blocked).toEqual({
      sshCommand: 'ssh -i my_keypair.pem root@127.18.3.10',
      httpUrl: 'http://127.18.3.10/',
      localAddress: '127.18.3.10',
      reason: expect.stringMatching(/No ingress rule .* allows TCP 22 from 103\.243\.200\.42/),
    });
    await allow(client, base, groupId, 22);
    expect((await client.get(`${base}/instances/${instance.id}/connect-info`).expect(200)).body.reason).toBeUndefined();

    const endpoint = (await client.get(`${base}/floating-ips/${floatingIp.id}/endpoint`).expect(200)).body;
    expect(endpoint).toEqual({
      floatingIpId: floatingIp.id,
      floatingIp: '198.18.3.10',
      localAddress: '127.18.3.10',
      privilegedPorts: expect.any(Boolean),
      ports: expect.arrayContaining([expect.objectContaining({ guestPort: 22, service: 'ssh' }), expect.objectContaining({ guestPort: 80, service: 'http' })]),
      sshCommand: expect.stringContaining('root@127.18.3.10'),
      httpUrl: expect.stringContaining('http://127.18.3.10'),
      clientPublicIp: '103.243.200.42',
    });
    await client.get(`${base}/floating-ips/nope/endpoint`).expect(404);
  });

  it('lists an instance’s flow log, newest first', async () => {
    const { client, base, instance, start } = await setup();
    await connectFloatingIp(client, base, instance.portId);
    await start();
    await new Promise<void>((resolve) => {
      const socket = httpRequest('http://127.18.3.10/', { agent: false });
      socket.setTimeout(300, () => {
        socket.destroy();
        resolve();
      });
      socket.on('error', () => resolve());
      socket.end();
    });
    const page = (await client.get(`${base}/instances/${instance.id}/flow-logs`).expect(200)).body;
    expect(page.items[0]).toMatchObject({
      sourceIp: '103.243.200.42',
      destinationIp: '198.18.3.10',
      protocol: 'tcp',
      port: 80,
      action: 'DROP',
      reasonCode: 'NO_MATCHING_RULE',
      at: expect.any(String),
    });
  });

  it('serves guest pages only on the floating IP’s own origin, never with the console’s cookie', async () => {
    const { app, client, base, instance, groupId, engine, projectId, start } = await setup();
    const login = await request(app).post('/api/auth/login').send(ADMIN).expect(200);
    const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))!;
    // Host-only (no Domain): the browser sends it to the console's host alone, never to 127.18.3.x.
    expect(setCookie).not.toMatch(/domain=/i);
    expect(setCookie).toMatch(/HttpOnly/i);
    const token = setCookie.split(';')[0]!.split('=')[1]!;

    await connectFloatingIp(client, base, instance.portId);
    await allow(client, base, groupId, 80);
    const session = engine.modules.guests.openSession(projectId, instance.id);
    session.write(`echo '<script>fetch("/api/auth/session")</script>' > index.html\r`);
    session.write('python -m SimpleHTTPServer 80\r');
    await vi.waitFor(() => expect(engine.modules.guests.listeningPorts(instance.id)).toEqual([80]), { timeout: 5_000, interval: 5 });
    const plane = await start();
    await plane.settled();

    const response = await new Promise<{ headers: Record<string, unknown>; body: string; host: string }>((resolve, reject) => {
      const req = httpRequest('http://127.18.3.10/', { agent: false, headers: { Cookie: `${SESSION_COOKIE}=${token}` } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ headers: res.headers, body, host: req.host }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(response.body).toContain('<script>');
    expect(response.host).not.toBe('127.0.0.1');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body).not.toContain(token);
    expect(JSON.stringify(response.headers)).not.toContain(token);
    // The console's origin has no route to the guest's pages.
    await client.get('/index.html').expect(404);
    session.close();
  });
});

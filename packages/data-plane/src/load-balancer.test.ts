import type { LoadBalancer, LoadBalancerMember } from '@sandcloud/engine';
import { connect } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuideWorld, type GuestTerminal, type GuideWorld } from './testing/guide-world.ts';
import { advanceUntil, httpGet, until } from './testing/tools.ts';
import { TEST_CERTIFICATE_KEY_PEM, TEST_CERTIFICATE_PEM } from '@sandcloud/engine/testing';

// The guide's step 10 with real HTTP: a ROUND_ROBIN load balancer over web-1 and web-2, reached
// through its floating IP from this machine (this file's pool: 198.18.2.x → 127.18.2.x).

const POOL = { start: '198.18.2.10', end: '198.18.2.250' };

const ACCESS_LOG = /(\d+\.\d+\.\d+\.\d+) - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 -/g;

let world: GuideWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

/** Health check rounds (5 s apart on the manual clock) until the members' statuses are `expected`; probes answer asynchronously. */
async function runHealthChecksUntil(statuses: () => string[], expected: string[]) {
  await advanceUntil(world!.engine, 5_000, () => statuses().join() === expected.join(), `members ${expected.join(', ')}`);
  expect(statuses()).toEqual(expected);
}

async function guideLoadBalancer(options: { listener?: object; pool?: object } = {}) {
  world = createGuideWorld({ floatingPool: POOL });
  const { engine, projectId } = world;
  const [web1, web2] = world.createInstances('web', 2);
  world.allowTcp(80);
  const terminals: GuestTerminal[] = [];
  for (const instance of [web1!, web2!]) {
    const terminal = world.terminal(instance);
    await terminal.run(`echo 'hello world!' > index.html`);
    await terminal.run('python -m SimpleHTTPServer 80', /Serving HTTP on 0\.0\.0\.0 port 80/);
    terminals.push(terminal);
  }
  const subnet = engine.modules.network.subnets(projectId)[0]!;
  const lb = engine.modules.loadBalancers.create(projectId, {
    name: 'web-lb',
    subnetId: subnet.id,
    listener: { protocol: 'HTTP', protocolPort: 80, ...options.listener },
    pool: {
      lbAlgorithm: 'ROUND_ROBIN',
      memberPort: 80,
      members: [{ instanceId: web1!.id }, { instanceId: web2!.id }],
      healthMonitor: { type: 'HTTP', monitorPort: 80 },
      ...options.pool,
    },
  } as Parameters<typeof engine.modules.loadBalancers.create>[1]);
  engine.advance(4_000);
  const floatingIp = world.attachFloatingIp(lb.vipPortId!);
  const plane = await world.startDataPlane();
  const url = `http://${plane.endpointOf(floatingIp).address}/`;
  const logLines = (terminal: GuestTerminal) => [...terminal.output.matchAll(ACCESS_LOG)].map((match) => match[1]);
  return { world, engine, projectId, lb, plane, url, terminals, logLines, web1: web1!, web2: web2! };
}

describe('a load balancer reached through its floating IP', () => {
  it('alternates requests between the two servers, each logging the VIP as the source', async () => {
    const { lb, url, terminals, logLines } = await guideLoadBalancer();
    const order: number[] = [];
    for (let request = 0; request < 20; request++) {
      const before = terminals.map((terminal) => logLines(terminal).length);
      const response = await httpGet(url);
      expect(response).toMatchObject({ status: 200, body: 'hello world!\n' });
      await new Promise((resolve) => setImmediate(resolve));
      order.push(terminals.findIndex((terminal, index) => logLines(terminal).length > before[index]!));
    }
    expect(order).toEqual(Array.from({ length: 20 }, (_, index) => index % 2));
    for (const terminal of terminals) expect(logLines(terminal)).toEqual(Array(10).fill(lb.vipAddress));
  });

  it('answers pipelined requests on one keep-alive connection in order, alternating the members', async () => {
    const { url, terminals } = await guideLoadBalancer();
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port || 80) });
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => (received += text));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(Array.from({ length: 4 }, (_, n) => `GET /?n=${n} HTTP/1.1\r\nHost: lb\r\n\r\n`).join(''));
    await until(() => received.split('hello world!\n').length === 5, 'four answers');
    socket.destroy();
    expect(received.match(/^HTTP\/1\.1 \d+ \w+/gm)).toEqual(Array(4).fill('HTTP/1.1 200 OK'));
    expect(received.match(/^Connection: .*/gim)).toEqual(Array(4).fill('Connection: keep-alive'));
    const served = () => terminals.map((terminal) => [...terminal.output.matchAll(/"GET \/\?n=(\d) HTTP\/1\.1" 200/g)].map((match) => match[1]));
    await until(() => served().flat().length === 4, 'four access-log lines');
    expect(served()).toEqual([['0', '2'], ['1', '3']]);
  });

  it('sends everything to the other server once the health check marks a stopped one OFFLINE, and back when it returns', async () => {
    const { engine, projectId, lb, plane, url, terminals, logLines } = await guideLoadBalancer();
    const members = () => engine.modules.loadBalancers.view(engine.modules.loadBalancers.get(projectId, lb.id)).listeners[0]!.members;
    const statuses = () => members().map((member: LoadBalancerMember) => member.operatingStatus);

    terminals[1]!.type('\x03');
    await terminals[1]!.waitFor(/KeyboardInterrupt/);
    await runHealthChecksUntil(statuses, ['ONLINE', 'OFFLINE']);
    expect(engine.modules.loadBalancers.get(projectId, lb.id).operatingStatus).toBe('DEGRADED');

    const before = logLines(terminals[0]!).length;
    for (let request = 0; request < 6; request++) expect((await httpGet(url)).status).toBe(200);
    expect(logLines(terminals[0]!).length - before).toBe(6);

    await terminals[1]!.run('python -m SimpleHTTPServer 80', /Serving HTTP/);
    await runHealthChecksUntil(statuses, ['ONLINE', 'ONLINE']);
    expect(engine.modules.loadBalancers.get(projectId, lb.id).operatingStatus).toBe('ONLINE');
    const back = logLines(terminals[1]!).length;
    for (let request = 0; request < 4; request++) await httpGet(url);
    expect(logLines(terminals[1]!).length - back).toBe(2);

    // Statistics follow, in batches; a connection counts as active until its socket has closed on
    // the server's side, which may come after the client has read the answer.
    const statsNow = () => {
      plane.flush();
      return engine.modules.loadBalancers.get(projectId, lb.id).stats;
    };
    await until(() => statsNow().activeConnections === 0, 'the last connection to close');
    const stats = statsNow();
    expect(stats).toMatchObject({ totalRequests: 10, totalConnections: 10, activeConnections: 0 });
    // Ten identical requests of node's client on fresh connections; the pages are longer.
    const { host } = new URL(url);
    expect(stats.bytesIn).toBe(10 * Buffer.byteLength(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    expect(stats.bytesOut).toBeGreaterThan(stats.bytesIn);
  });

  it('balances as well when a guest curls the VIP from inside the network', async () => {
    const { engine, lb, terminals, logLines, web1 } = await guideLoadBalancer();
    const client = terminals[0]!;
    client.type('\x03');
    await client.waitFor(/KeyboardInterrupt[\s\S]*\]# $/);
    await client.run('python -m SimpleHTTPServer 80 > /dev/null 2>&1 &');
    await until(() => engine.modules.guests.listeningPorts(web1.id).includes(80), 'the background server to listen on port 80');
    for (let request = 0; request < 4; request++) expect(await client.run(`curl -s http://${lb.vipAddress}/`)).toContain('hello world!');
    expect(logLines(terminals[1]!)).toEqual([lb.vipAddress, lb.vipAddress]);
  });

  it('terminates TLS with the listener certificate and forwards HTTP to the members', async () => {
    const { url, terminals, logLines, lb } = await guideLoadBalancer({
      listener: { protocol: 'TERMINATED_HTTPS', protocolPort: 443, tls: { certificatePem: TEST_CERTIFICATE_PEM, privateKeyPem: TEST_CERTIFICATE_KEY_PEM } },
    });
    const { request } = await import('node:https');
    const httpsUrl = url.replace('http://', 'https://').replace(/\/$/, ':443/');
    const answer = await new Promise<{ status: number; body: string; subject: string }>((resolve, reject) => {
      const req = request(httpsUrl, { agent: false, rejectUnauthorized: false, servername: 'lb.example.test' }, (res) => {
        let body = '';
        const subject = String((res.socket as TLSSocket).getPeerCertificate().subject.CN);
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, subject }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer).toEqual({ status: 200, body: 'hello world!\n', subject: 'lb.example.test' });
    expect(terminals.flatMap(logLines)).toEqual([lb.vipAddress]);
  });

  it('closes an idle keep-alive connection after the listener’s keep-alive timeout', async () => {
    const { url } = await guideLoadBalancer({ listener: { keepAliveTimeoutSeconds: 1 } });
    // A raw socket: node's own client closes early on the server's `Keep-Alive: timeout=1` hint.
    const { connect } = await import('node:net');
    const { hostname, port } = new URL(url);
    const closed = await new Promise<number>((resolve) => {
      const socket = connect(Number(port || 80), hostname, () => socket.write(`GET / HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`));
      let answeredAt = 0;
      socket.on('data', () => (answeredAt ||= Date.now()));
      socket.on('close', () => resolve(Date.now() - answeredAt));
    });
    expect(closed).toBeGreaterThanOrEqual(900);
    expect(closed).toBeLessThan(3_000);
  });

  it('answers 503 itself when no member can take the request', async () => {
    const { url, terminals } = await guideLoadBalancer();
    for (const terminal of terminals) {
      terminal.type('\x03');
      await terminal.waitFor(/KeyboardInterrupt/);
    }
    const response = await httpGet(url);
    expect(response.status).toBe(503);
    expect(response.body).toMatch(/No server is available/);
  });

  it('keeps a client on its member with HTTP_COOKIE persistence', async () => {
    const { url, terminals, logLines } = await guideLoadBalancer({ pool: { sessionPersistence: { type: 'HTTP_COOKIE' } } });
    const first = await httpGet(url);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/^SRV=/);
    for (let request = 0; request < 5; request++) {
      const response = await httpGet(url, { headers: { Cookie: cookie } });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(terminals.map((terminal) => logLines(terminal).length).sort()).toEqual([0, 6]);
  });

  it('sticks to one member by source address with SOURCE_IP', async () => {
    const { url, terminals, logLines } = await guideLoadBalancer({ pool: { lbAlgorithm: 'SOURCE_IP' } });
    for (let request = 0; request < 6; request++) await httpGet(url);
    expect(terminals.map((terminal) => logLines(terminal).length).sort()).toEqual([0, 6]);
  });

  it('holds connections over the connection limit until one closes, and drops sources outside allowed CIDRs', async () => {
    const { engine, projectId, lb, plane, url } = await guideLoadBalancer({ listener: { connectionLimit: 1 } });
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const held = await new Promise<number>((resolve) => request(url, { agent }, (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0))).end());
    expect(held).toBe(200);
    // The first connection is idle but open: a second one waits.
    await expect(httpGet(url, { timeoutMs: 500 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    agent.destroy();
    expect((await httpGet(url)).status).toBe(200);

    const listener = engine.modules.loadBalancers.view(engine.modules.loadBalancers.get(projectId, lb.id) as LoadBalancer).listeners[0]!.listener;
    engine.modules.loadBalancers.updateListener(projectId, lb.id, listener.id, { allowedCidrs: ['10.0.0.0/8'] });
    await plane.settled();
    await expect(httpGet(url, { timeoutMs: 500 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
  });
});

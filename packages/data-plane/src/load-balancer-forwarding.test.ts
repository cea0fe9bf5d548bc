import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGuideWorld, type GuestTerminal, type GuideWorld } from './testing/guide-world.ts';
import { advanceUntil, httpGet } from './testing/tools.ts';

// What the load balancer's per-request path keeps (caches, batches) must not change what it does:
// rule changes apply to the next request, a refusing member is skipped, bodies are read, and the
// statistics reach the engine in batches. This file's pool: 198.18.12.x → 127.18.12.x.

const POOL = { start: '198.18.12.10', end: '198.18.12.250' };
const ACCESS_LOG = /"(?:GET|POST) \/ HTTP\/1\.1" \d+ -|code 501/g;

let world: GuideWorld | null = null;
let agent: Agent | null = null;
afterEach(async () => {
  agent?.destroy();
  agent = null;
  await world?.close();
  world = null;
});

async function guideLoadBalancer(statsIntervalMs?: number) {
  world = createGuideWorld({ floatingPool: POOL });
  const { engine, projectId } = world;
  const [web1, web2] = world.createInstances('web', 2);
  const rule = world.allowTcp(80);
  const terminals: GuestTerminal[] = [];
  for (const instance of [web1!, web2!]) {
    const terminal = world.terminal(instance);
    await terminal.run(`echo 'hello world!' > index.html`);
    await terminal.run('python -m SimpleHTTPServer 80', /Serving HTTP on 0\.0\.0\.0 port 80/);
    terminals.push(terminal);
  }
  const lb = engine.modules.loadBalancers.create(projectId, {
    name: 'web-lb',
    subnetId: engine.modules.network.subnets(projectId)[0]!.id,
    listener: { protocol: 'HTTP', protocolPort: 80 },
    pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: [{ instanceId: web1!.id }, { instanceId: web2!.id }], healthMonitor: { type: 'HTTP', monitorPort: 80 } },
  });
  engine.advance(4_000);
  const floatingIp = world.attachFloatingIp(lb.vipPortId!);
  const plane = await world.startDataPlane(statsIntervalMs ? { statsIntervalMs } : {});
  const url = `http://${plane.endpointOf(floatingIp).address}/`;
  const served = (terminal: GuestTerminal) => terminal.output.match(ACCESS_LOG)?.length ?? 0;
  return { world, engine, projectId, lb, rule, plane, url, terminals, served, web1: web1!, web2: web2! };
}

/** A request on one kept-alive connection (the agent holds a single socket). */
function keptAlive(url: string, options: { method?: string; body?: string } = {}): Promise<{ status: number; body: string; socketId: number; headers: Record<string, unknown> }> {
  agent ??= new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: agent!, method: options.method ?? 'GET' }, (res) => {
      let body = '';
      const socketId = res.socket.localPort ?? 0;
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, socketId, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the load balancer’s forwarding', () => {
  it('applies a member security-group change to the very next request on an open connection', async () => {
    const { world, lb, rule, url, web1, web2 } = await guideLoadBalancer();
    const first = await keptAlive(url);
    expect(first.status).toBe(200);

    world.removeRule(rule);
    const blocked = await keptAlive(url);
    expect(blocked).toMatchObject({ status: 503, socketId: first.socketId });
    const drops = [web1, web2].map((web) =>
      world.engine.modules.flowLogs.list(web.id).filter((entry) => entry.action === 'DROP' && entry.sourceIp === lb.vipAddress && entry.reasonCode === 'NO_MATCHING_RULE'),
    );
    expect(drops.map((entries) => entries.length)).toEqual([1, 1]);

    world.allowTcp(80);
    expect((await keptAlive(url)).status).toBe(200);
  });

  it('skips a member whose server stopped before its health check noticed (redispatch)', async () => {
    const { url, terminals, served } = await guideLoadBalancer();
    terminals[1]!.type('\x03');
    await terminals[1]!.waitFor(/KeyboardInterrupt/);
    const before = served(terminals[0]!);
    for (let request = 0; request < 4; request++) expect(await httpGet(url)).toMatchObject({ status: 200, body: 'hello world!\n' });
    expect(served(terminals[0]!) - before).toBe(4);
  });

  it('hands request bodies to the member, and never one over 1 MiB', async () => {
    const { url, terminals, served } = await guideLoadBalancer();
    const posted = await keptAlive(url, { method: 'POST', body: 'name=web' });
    expect(posted.status).toBe(501); // SimpleHTTPServer has no do_POST
    await Promise.race(terminals.map((terminal) => terminal.waitFor(/code 501, message Unsupported method \('POST'\)/)));
    agent?.destroy();
    agent = null;

    const before = terminals.map(served);
    // The load balancer stops reading and cuts the connection (its 413 may not reach a client still sending).
    const tooLarge = await keptAlive(url, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }).catch((error: NodeJS.ErrnoException) => ({ status: error.code }));
    expect(['ECONNRESET', 'EPIPE', 413]).toContain(tooLarge.status);
    expect(terminals.map(served)).toEqual(before);
    expect((await httpGet(url)).status).toBe(200);
  });

  it('adds its statistics to the engine once per interval, never per request', async () => {
    // An interval longer than the test: the only write is the one the interval (here: flush) makes.
    const { engine, projectId, lb, plane, url } = await guideLoadBalancer(60_000);
    const recordTraffic = vi.spyOn(engine.modules.loadBalancers, 'recordTraffic');
    for (let request = 0; request < 20; request++) expect((await keptAlive(url)).status).toBe(200);
    expect(recordTraffic).not.toHaveBeenCalled();
    plane.flush();
    expect(recordTraffic).toHaveBeenCalledTimes(1);
    expect(recordTraffic.mock.calls[0]![1]).toMatchObject({ totalRequests: 20, totalConnections: 1, activeConnections: 1, requestErrors: 0 });
    expect(engine.modules.loadBalancers.get(projectId, lb.id).stats).toMatchObject({ totalRequests: 20, totalConnections: 1, activeConnections: 1 });
  });

  it('keeps its sockets while health checks flip a member OFFLINE (only listeners change them)', async () => {
    const { world, engine, projectId, lb, plane, url, terminals, web1 } = await guideLoadBalancer();
    world.attachFloatingIp(web1.portId!);
    await plane.settled();
    terminals[1]!.type('\x03'); // CTRL+C: web-2's server stops (its own sockets follow: it no longer listens)
    await terminals[1]!.waitFor(/KeyboardInterrupt/);
    await plane.settled();
    // Re-deciding the sockets asks, for each instance behind a floating IP, whether it runs an sshd.
    const reconciled = vi.spyOn(engine.modules.guests, 'isSimulated');
    // Each round's probes answer asynchronously (real HTTP to the guest): rounds until they landed.
    const status = () => engine.modules.loadBalancers.get(projectId, lb.id).operatingStatus;
    await advanceUntil(engine, 5_000, () => status() === 'DEGRADED', 'the load balancer to be DEGRADED');
    expect(status()).toBe('DEGRADED');
    await plane.settled();
    expect(reconciled).not.toHaveBeenCalled();
    expect((await httpGet(url)).status).toBe(200);
  });
});

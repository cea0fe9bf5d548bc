import { afterEach, describe, expect, it } from 'vitest';
import { createGuideWorld, type GuideWorld } from './testing/guide-world.ts';
import { httpGet } from './testing/tools.ts';

// What Octavia's API sets is what the data plane does: insert_headers reach the guest, a disabled
// listener takes no request, a member at an address no server owns gets none, a listener counts
// what it carried. This file's pool:
// 198.18.31.x → 127.18.31.x.

const POOL = { start: '198.18.31.10', end: '198.18.31.250' };

let world: GuideWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

async function octaviaLoadBalancer() {
  world = createGuideWorld({ floatingPool: POOL });
  const { engine, projectId } = world;
  const [web] = world.createInstances('web', 1);
  world.allowTcp(80);
  const terminal = world.terminal(web!);
  await terminal.run(`echo 'hello world!' > index.html`);
  await terminal.run('python -m SimpleHTTPServer 80', /Serving HTTP on 0\.0\.0\.0 port 80/);
  const lbs = engine.modules.loadBalancers;
  const subnet = engine.modules.network.subnets(projectId)[0]!;
  const lb = lbs.create(projectId, { name: 'octavia-lb', subnetId: subnet.id });
  engine.advance(4_000);
  const listener = lbs.addBareListener(projectId, lb.id, { protocol: 'HTTP', protocolPort: 80, insertHeaders: { 'X-Forwarded-For': 'true', 'X-Forwarded-Port': 'true' } });
  engine.advance(1_000);
  const pool = lbs.addPool(projectId, lb.id, { listenerId: listener.id, protocol: 'HTTP', lbAlgorithm: 'ROUND_ROBIN' });
  engine.advance(1_000);
  const seen: Record<string, string>[] = [];
  engine.modules.traffic.onHttpAnswered((_instanceId, _port, request) => seen.push(request.headers ?? {}));
  const floatingIp = world.attachFloatingIp(lb.vipPortId!);
  const plane = await world.startDataPlane();
  const url = `http://${plane.endpointOf(floatingIp).address}/`;
  return { engine, projectId, lbs, lb, listener, pool, subnet, web: web!, url, seen, plane };
}

describe("Octavia's settings in the data plane", () => {
  it('a member at an address no server owns gets no request; the server at its own address gets them, with the inserted headers', async () => {
    const { engine, projectId, lbs, lb, pool, subnet, web, url, seen } = await octaviaLoadBalancer();
    lbs.addAddressMember(projectId, lb.id, pool.id, { address: '192.0.2.1', protocolPort: 80, subnetId: subnet.id });
    engine.advance(1_000);
    // Only the nobody-member: nothing answers behind the listener.
    expect((await httpGet(url)).status).toBe(503);
    expect(seen).toEqual([]);
    const address = engine.modules.network.getPort(web.portId!)!.fixedIp;
    lbs.addAddressMember(projectId, lb.id, pool.id, { address, protocolPort: 80, subnetId: subnet.id });
    engine.advance(1_000);
    for (let i = 0; i < 4; i++) expect((await httpGet(url)).status).toBe(200);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every((headers) => headers['x-forwarded-port'] === '80' && typeof headers['x-forwarded-for'] === 'string' && headers['x-forwarded-for'] !== '')).toBe(true);
  });

  it('a disabled listener takes no request; enabled again, it serves', async () => {
    const { engine, projectId, lbs, lb, listener, pool, subnet, web, url } = await octaviaLoadBalancer();
    const address = engine.modules.network.getPort(web.portId!)!.fixedIp;
    lbs.addAddressMember(projectId, lb.id, pool.id, { address, protocolPort: 80, subnetId: subnet.id });
    engine.advance(1_000);
    expect((await httpGet(url)).status).toBe(200);
    lbs.updateListener(projectId, lb.id, listener.id, { adminStateUp: false });
    engine.advance(1_000);
    await expect(httpGet(url)).rejects.toThrow();
    lbs.updateListener(projectId, lb.id, listener.id, { adminStateUp: true });
    engine.advance(1_000);
    expect((await httpGet(url)).status).toBe(200);
  });
});

describe("Octavia's listener statistics", () => {
  it('count what the data plane carried through that listener, and only that one', async () => {
    const { engine, projectId, lbs, lb, listener, pool, subnet, web, url, plane } = await octaviaLoadBalancer();
    const other = lbs.addBareListener(projectId, lb.id, { protocol: 'TCP', protocolPort: 22 });
    engine.advance(1_000);
    lbs.addAddressMember(projectId, lb.id, pool.id, { address: engine.modules.network.getPort(web.portId!)!.fixedIp, protocolPort: 80, subnetId: subnet.id });
    engine.advance(1_000);
    for (let i = 0; i < 3; i++) expect((await httpGet(url)).status).toBe(200);
    plane.flush();
    const stats = (id: string) => lbs.parts(lbs.get(projectId, lb.id)).listeners.find((candidate) => candidate.id === id)?.stats;
    expect(stats(listener.id)).toMatchObject({ totalConnections: 3, totalRequests: 3, requestErrors: 0 });
    expect(stats(listener.id)!.bytesOut).toBeGreaterThan(0);
    expect(stats(other.id)).toBeUndefined();
    expect(lbs.get(projectId, lb.id).stats).toMatchObject({ totalConnections: 3, totalRequests: 3 });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGuideWorld, type GuideWorld } from './testing/guide-world.ts';

// The data plane asks the engine's traffic module per connection and per forwarded request; the
// module evaluates once per (floating IP, port) or per load balancer member row and keeps the
// verdict until its one point of invalidation fires (an engine event of a traffic kind, or a guest
// starting or stopping to listen). No sockets here: this file's pool is never bound.

const POOL = { start: '198.18.11.10', end: '198.18.11.250' };

let world: GuideWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

function guideLoadBalancer() {
  world = createGuideWorld({ floatingPool: POOL });
  const { engine, projectId } = world;
  const [web1, web2] = world.createInstances('web', 2);
  const rule = world.allowTcp(80);
  const lb = engine.modules.loadBalancers.create(projectId, {
    name: 'web-lb',
    subnetId: engine.modules.network.subnets(projectId)[0]!.id,
    listener: { protocol: 'HTTP', protocolPort: 80 },
    pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: [{ instanceId: web1!.id }, { instanceId: web2!.id }], healthMonitor: { type: 'HTTP', monitorPort: 80 } },
  });
  engine.advance(4_000);
  const { traffic } = engine.modules;
  const member = () => traffic.routing.pickMember(lb.id, 80, { clientIp: '103.243.200.42' })!.member;
  return { world, engine, traffic, lb, rule, member, web1: web1! };
}

describe('the traffic module’s caches', () => {
  it('evaluates a member’s security groups once per member row until a change invalidates them', () => {
    const { world, engine, traffic, lb, member } = guideLoadBalancer();
    const ingress = vi.spyOn(engine.modules.guestNetwork, 'ingress');
    const first = member();
    for (let request = 0; request < 10; request++) expect(traffic.admitsLoadBalancer(first, lb.vipAddress)).toBe(true);
    expect(ingress).toHaveBeenCalledTimes(1);

    const generation = traffic.generation;
    world.allowTcp(8080);
    expect(traffic.generation).toBe(generation + 1);
    const again = member();
    expect(again).not.toBe(first); // the routes were read again too
    expect(traffic.admitsLoadBalancer(again, lb.vipAddress)).toBe(true);
    expect(ingress).toHaveBeenCalledTimes(2);
  });

  it('gives the new verdict right after a rule change', () => {
    const { world, traffic, lb, rule, member, web1 } = guideLoadBalancer();
    const floatingIp = world.attachFloatingIp(web1.portId!);
    // The rule admits HTTP, but nothing listens on port 80 in web-1: refused.
    expect(traffic.connection(floatingIp, 80)).toMatchObject({ kind: 'instance', action: 'refuse', verdict: { allowed: true, reason: { code: 'NO_LISTENER' } } });
    expect(traffic.admitsLoadBalancer(member(), lb.vipAddress)).toBe(true);

    world.removeRule(rule);
    expect(traffic.connection(floatingIp, 80)).toMatchObject({ action: 'drop', verdict: { allowed: false, reason: { code: 'NO_MATCHING_RULE' } } });
    expect(traffic.admitsLoadBalancer(member(), lb.vipAddress)).toBe(false);

    world.allowTcp(80);
    expect(traffic.connection(floatingIp, 80)?.action).toBe('refuse');
    expect(traffic.admitsLoadBalancer(member(), lb.vipAddress)).toBe(true);
  });

  it('keeps the verdict of an instance port per floating IP and port', () => {
    const { world, engine, traffic, web1 } = guideLoadBalancer();
    const floatingIp = world.attachFloatingIp(web1.portId!);
    world.allowTcp(22);
    const evaluate = vi.spyOn(engine.modules.connectivity, 'tcpFlow');
    for (let connection = 0; connection < 5; connection++) {
      expect(traffic.connection(floatingIp, 22)?.action).toBe('accept');
      expect(traffic.connection(floatingIp, 443)?.action).toBe('drop');
    }
    expect(evaluate).toHaveBeenCalledTimes(2);
  });

  it('forgets when a guest starts listening, and says so to its watchers', async () => {
    const { world, engine, traffic, web1 } = guideLoadBalancer();
    const floatingIp = world.attachFloatingIp(web1.portId!);
    const changes: string[] = [];
    const stop = traffic.onChange((change) => changes.push(`${change.kind} ${change.change} ${change.projectId}`));
    expect(traffic.connection(floatingIp, 80)?.action).toBe('refuse');
    await world.terminal(web1).run('python -m SimpleHTTPServer 80', /Serving HTTP on 0\.0\.0\.0 port 80/);
    await vi.waitFor(() => expect(changes).toEqual([`guest-listener updated ${world.projectId}`]), { timeout: 2_000, interval: 5 });
    expect(traffic.connection(floatingIp, 80)).toMatchObject({ action: 'accept', verdict: { reason: { code: 'ALLOWED_BY_RULE' } } });
    stop();
    expect(engine.modules.guests.listeningPorts(web1.id)).toEqual([80]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { Firewall } from './firewall.ts';
import { createGuideWorld, type GuideWorld } from './testing/guide-world.ts';

// The firewall asks the engine once per (floating IP, port) or per load balancer member and keeps
// the verdict until the data plane tells it the engine changed something (`invalidate`, wired to
// the engine's events). No sockets here: this file's pool is never bound.

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
  const member = () => engine.modules.loadBalancers.pickMember(lb.id, 80, { clientIp: '103.243.200.42' })!.member;
  return { world, engine, lb, rule, member, web1: web1! };
}

describe('the firewall’s verdict cache', () => {
  it('evaluates a member’s security groups once per member row until invalidated', () => {
    const { engine, lb, member } = guideLoadBalancer();
    const firewall = new Firewall(engine);
    const ingress = vi.spyOn(engine.modules.guestNetwork, 'ingress');
    const first = member();
    for (let request = 0; request < 10; request++) expect(firewall.memberAdmission(first, lb.vipAddress)?.allowed).toBe(true);
    expect(ingress).toHaveBeenCalledTimes(1);

    firewall.invalidate();
    expect(firewall.memberAdmission(first, lb.vipAddress)?.allowed).toBe(true);
    expect(ingress).toHaveBeenCalledTimes(2);
  });

  it('gives the new verdict right after a rule change once invalidated, as the data plane does on every network event', () => {
    const { world, engine, lb, rule, member, web1 } = guideLoadBalancer();
    const firewall = new Firewall(engine);
    const stop = engine.events.subscribe(() => firewall.invalidate());
    const floatingIp = world.attachFloatingIp(web1.portId!);
    const target = firewall.targetOf(floatingIp);
    if (target?.kind !== 'instance') throw new Error('the floating IP leads to web-1');
    expect(firewall.instanceDecision(target, floatingIp, 80, true).action).toBe('accept');
    expect(firewall.memberAdmission(member(), lb.vipAddress)?.allowed).toBe(true);

    world.removeRule(rule);
    expect(firewall.instanceDecision(target, floatingIp, 80, true)).toMatchObject({ action: 'drop', verdict: { reason: { code: 'NO_MATCHING_RULE' } } });
    expect(firewall.memberAdmission(member(), lb.vipAddress)?.allowed).toBe(false);

    world.allowTcp(80);
    expect(firewall.instanceDecision(target, floatingIp, 80, true).action).toBe('accept');
    expect(firewall.memberAdmission(member(), lb.vipAddress)?.allowed).toBe(true);
    stop();
  });

  it('keeps the verdict of an instance port per floating IP and port', () => {
    const { world, engine, web1 } = guideLoadBalancer();
    const firewall = new Firewall(engine);
    const floatingIp = world.attachFloatingIp(web1.portId!);
    const target = firewall.targetOf(floatingIp);
    if (target?.kind !== 'instance') throw new Error('the floating IP leads to web-1');
    const ingress = vi.spyOn(engine.modules.guestNetwork, 'ingress');
    for (let connection = 0; connection < 5; connection++) {
      expect(firewall.instanceDecision(target, floatingIp, 80, true).action).toBe('accept');
      expect(firewall.instanceDecision(target, floatingIp, 22, true).action).toBe('drop');
    }
    expect(ingress).toHaveBeenCalledTimes(2);
  });
});

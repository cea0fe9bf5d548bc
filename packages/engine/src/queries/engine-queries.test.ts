import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { createEngine } from '../engine.ts';
import { isInstancePort, portOwnerType } from './port-owner.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx test@sandcloud';

function world() {
  const engine = createEngine({ clock: new ManualClock() });
  engine.ensureAdmin('admin', 'admin-password');
  const project = engine.projects.create(engine.identity.listUsers()[0]!, { name: 'demo' });
  engine.activateCompute(project.id);
  const { instances, keyPairs, network, securityGroups, floatingIps } = engine.modules;
  keyPairs.import(project.id, 'key', KEY);
  const group = securityGroups.list(project.id)[0]!;
  const [web] = instances.create(project.id, {
    name: 'web', imageId: UBUNTU, flavorId: 't2.c1m1', zone: 'kr-pub-a', rootDiskGb: 20, count: 1, keyName: 'key',
    securityGroupIds: [group.id], networkId: network.networks(project.id)[0]!.id,
  });
  const floating = floatingIps.allocate(project.id);
  return { engine, projectId: project.id, web: web!, group, floating };
}

describe('engine queries', () => {
  it('say what a floating IP leads to, and nothing while it is free', () => {
    const { engine, projectId, web, floating } = world();
    expect(engine.queries.floatingIpTarget(floating)).toBeNull();
    const associated = engine.modules.floatingIps.associate(projectId, floating.id, web.portId!);
    const target = engine.queries.floatingIpTarget(associated);
    expect(target?.type === 'instance' && target.instance.id).toBe(web.id);
    expect(engine.queries.floatingIpOfPort(web.portId!)?.address).toBe(floating.address);
    expect(engine.queries.floatingIpByAddress(floating.address)?.id).toBe(floating.id);
  });

  it('give an instance view with its addresses, floating IP and group names', () => {
    const { engine, projectId, web, group, floating } = world();
    engine.modules.floatingIps.associate(projectId, floating.id, web.portId!);
    const page = engine.queries.instanceViews(projectId, { offset: 0, limit: 10 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      privateIp: '192.168.0.4',
      floatingIp: { address: floating.address },
      networkName: 'Default Network',
      securityGroups: [{ id: group.id, name: 'default' }],
    });
    expect(engine.queries.portRulesets(engine.queries.port(web.portId!)!).map((r) => r.name)).toEqual(['default']);
    expect(engine.queries.securityGroupUsers(group.id)).toBe(1);
  });

  it('know a port by its device owner, in one place', () => {
    expect(isInstancePort({ deviceOwner: 'compute:kr-pub-a' })).toBe(true);
    expect(portOwnerType({ deviceOwner: 'Octavia' })).toBe('load-balancer');
    expect(portOwnerType({ deviceOwner: 'network:router_interface' })).toBe('other');
  });
});

import { describe, expect, it } from 'vitest';
import { createTestWorld, launchInstances, TEST_IMAGES } from '../testing/test-world.ts';
import type { LoadBalancer } from './load-balancer.ts';

// Load-balancer provisioning on the lifecycle runner (`LOAD_BALANCER_LIFECYCLE`): the statuses and
// durations users see, the ERROR a missing dependency causes, the reconfiguration nobody asked
// for (a member's instance is deleted) and a step scheduled under the task name used before.

function fixture() {
  const world = createTestWorld({ projectName: 'demo' });
  const { engine, projectId } = world;
  const { network, instances, loadBalancers } = world.m;
  const launched = launchInstances(world, { imageId: TEST_IMAGES.CENTOS_7, flavorId: 't2.c1m1', count: 2, securityGroupIds: [] });
  const subnetId = network.subnets(projectId)[0]!.id;
  const create = () =>
    loadBalancers.create(projectId, {
      name: 'lb',
      subnetId,
      listener: { protocol: 'HTTP', protocolPort: 80 },
      pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, healthMonitor: { type: 'TCP', monitorPort: 80 }, members: launched.map((instance) => ({ instanceId: instance.id })) },
    });
  const get = (id: string) => engine.store.get<LoadBalancer>('load-balancer', id);
  return { engine, projectId, instances, loadBalancers, launched, create, get };
}

describe('load-balancer provisioning on the lifecycle runner', () => {
  it('PENDING_CREATE for 4 s, PENDING_UPDATE for 1 s, PENDING_DELETE for 2 s, with the children settled', () => {
    const { engine, projectId, loadBalancers, create, get } = fixture();
    const lb = create();
    expect(lb).toMatchObject({ status: 'PENDING_CREATE', operatingStatus: 'OFFLINE' });
    expect(loadBalancers.allowedActions(lb)).toEqual([]);
    engine.advance(3_999);
    expect(get(lb.id)!.status).toBe('PENDING_CREATE');
    engine.advance(1);
    expect(get(lb.id)).toMatchObject({ status: 'ACTIVE', operatingStatus: 'ONLINE' });
    const view = loadBalancers.view(get(lb.id)!);
    expect(view.listeners.map((l) => [l.listener.status, l.pool.status, ...l.members.map((m) => m.status)])).toEqual([['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']]);
    expect(loadBalancers.allowedActions(get(lb.id)!)).toEqual(['update', 'delete']);

    loadBalancers.update(projectId, lb.id, { name: 'renamed' });
    expect(get(lb.id)!.status).toBe('PENDING_UPDATE');
    expect(() => loadBalancers.update(projectId, lb.id, { name: 'again' })).toThrow('Cannot update load balancer renamed while it is PENDING_UPDATE');
    engine.advance(1_000);
    expect(get(lb.id)!.status).toBe('ACTIVE');

    loadBalancers.delete(projectId, lb.id);
    expect(engine.store.history(lb.id).at(-1)).toMatchObject({ status: 'PENDING_DELETE', message: 'delete requested' });
    engine.advance(2_000);
    expect(get(lb.id)).toBeUndefined();
    expect(engine.modules.network.ports(projectId).some((port) => port.deviceId === lb.id)).toBe(false);
  });

  it('a VIP port gone while provisioning: ERROR, OFFLINE, the reason, and the same history line as before', () => {
    const { engine, create, get } = fixture();
    const lb = create();
    const { network } = engine.modules;
    engine.store.transaction(() => network.deletePort(network.getPort(lb.vipPortId!)!));
    engine.advance(4_000);
    expect(get(lb.id)).toMatchObject({ status: 'ERROR', operatingStatus: 'OFFLINE', errorReason: `lb cannot work: its VIP port ${lb.vipAddress} is gone` });
    expect(engine.store.history(lb.id).at(-1)).toMatchObject({ status: 'ERROR', message: `ERROR: its VIP port ${lb.vipAddress} is gone` });
  });

  it('deleting a member’s instance reconfigures an ACTIVE load balancer without anyone asking', () => {
    const { engine, projectId, instances, launched, create, get } = fixture();
    const lb = create();
    engine.advance(4_000);
    instances.delete(projectId, launched[0]!.id);
    engine.advance(2_000);
    expect(get(lb.id)!.status).toBe('PENDING_UPDATE');
    expect(engine.store.history(lb.id).at(-1)!.message).toBe(`Member ${launched[0]!.name} removed: its instance was deleted`);
    engine.advance(1_000);
    expect(get(lb.id)!.status).toBe('ACTIVE');
  });

  it('ends a step scheduled under the old task names (a data directory upgraded mid-update)', () => {
    const { engine, create, get } = fixture();
    const lb = create();
    engine.advance(4_000);
    engine.store.transaction(() => {
      engine.store.update<LoadBalancer>('load-balancer', get(lb.id)!, { status: 'PENDING_UPDATE' });
      engine.scheduler.schedule('load-balancer.provisioned', { id: lb.id }, 1_000);
    });
    engine.advance(1_000);
    expect(get(lb.id)!.status).toBe('ACTIVE');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createTestWorld, launchInstance, TEST_IMAGES, TEST_PUBLIC_KEY } from '../testing/test-world.ts';
import type { TrafficChange } from './traffic-service.ts';

// The traffic module's one point of invalidation: engine events of a traffic kind (and guests
// starting or stopping to listen) empty every cache it keeps, then tell its watchers; other
// events leave them alone. Sockets and real traffic are the data plane's tests.

function fixture() {
  const world = createTestWorld({ projectName: 'demo' });
  const { engine, projectId } = world;
  const { securityGroups, floatingIps, traffic } = world.m;
  const groupId = securityGroups.list(projectId)[0]!.id;
  const web = launchInstance(world, { imageId: TEST_IMAGES.CENTOS_7, flavorId: 't2.c1m1', securityGroupIds: [groupId] });
  const ip = floatingIps.allocate(projectId);
  floatingIps.associate(projectId, ip.id, web.portId!);
  const changes: TrafficChange[] = [];
  traffic.onChange((change) => changes.push(change));
  const allow = (port: number) =>
    securityGroups.addRule(projectId, groupId, {
      direction: 'ingress',
      etherType: 'IPv4',
      protocol: 'tcp',
      portRangeMin: port,
      portRangeMax: port,
      remoteIpPrefix: '0.0.0.0/0',
      remoteGroupId: null,
    });
  return { engine, projectId, traffic, web, floatingIp: ip.address, changes, allow };
}

describe('the traffic module’s one point of invalidation', () => {
  it('keeps a connection’s verdict until a change of a traffic kind, then evaluates again and says so', () => {
    const { engine, projectId, traffic, floatingIp, changes, allow } = fixture();
    const evaluate = vi.spyOn(engine.modules.connectivity, 'tcpFlow');
    expect(traffic.connection(floatingIp, 22)).toMatchObject({ action: 'drop', verdict: { reason: { code: 'NO_MATCHING_RULE' } } });
    expect(traffic.connection(floatingIp, 22)?.action).toBe('drop');
    expect(evaluate).toHaveBeenCalledTimes(1);

    // A key pair is no traffic kind: nothing is forgotten.
    engine.modules.keyPairs.import(projectId, 'other-key', TEST_PUBLIC_KEY);
    expect(changes).toEqual([]);
    expect(traffic.connection(floatingIp, 22)?.action).toBe('drop');
    expect(evaluate).toHaveBeenCalledTimes(1);

    const generation = traffic.generation;
    allow(22);
    expect(changes).toEqual([{ kind: 'security-group', change: 'updated', projectId }]);
    expect(traffic.generation).toBe(generation + 1);
    expect(traffic.connection(floatingIp, 22)).toMatchObject({ action: 'accept', verdict: { reason: { code: 'ALLOWED_BY_RULE' } } });
    expect(evaluate).toHaveBeenCalledTimes(2);
  });

  it('gives the connectivity test’s verdict, refusing where nothing listens', () => {
    const { engine, traffic, web, floatingIp, allow } = fixture();
    allow(80);
    const connection = traffic.connection(floatingIp, 80);
    const { transcript: _transcript, test: _test, target: _target, ...tested } = engine.modules.connectivity.testInstance(
      engine.modules.instances.get(web.projectId!, web.id),
      'http',
      traffic.clientIp(),
    );
    expect(connection?.verdict).toEqual(tested);
    expect(tested).toMatchObject({ action: 'refuse', allowed: true, reason: { code: 'NO_LISTENER', rule: { groupName: 'default' } } });
    expect(tested.reason.message).toMatch(/Nothing listens on TCP 80 in web, so it refused the connection\.$/);
  });

  it('follows the client public IP setting', () => {
    const { engine, traffic, changes } = fixture();
    expect(traffic.clientIp()).toBe(engine.settings.clientPublicIp());
    engine.settings.setClientPublicIp('198.51.100.23');
    expect(changes.map((change) => change.kind)).toEqual(['settings']);
    expect(traffic.clientIp()).toBe('198.51.100.23');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { createEngine } from '../engine.ts';
import type { TrafficChange } from './traffic-service.ts';

// The traffic module's one point of invalidation: engine events of a traffic kind (and guests
// starting or stopping to listen) empty every cache it keeps, then tell its watchers; other
// events leave them alone. Sockets and real traffic are the data plane's tests.

const CENTOS_7 = '6f1c0a00-0000-4000-8000-000000000007';
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx test@example';

function fixture() {
  const engine = createEngine({ clock: new ManualClock() });
  const admin = engine.identity.createUser({ username: 'admin', password: 'admin-password', isAdmin: true });
  const { id: projectId } = engine.projects.create(admin, { name: 'demo' });
  engine.activateCompute(projectId);
  const { network, keyPairs, securityGroups, instances, floatingIps, traffic } = engine.modules;
  keyPairs.import(projectId, 'key', PUBLIC_KEY);
  const groupId = securityGroups.list(projectId)[0]!.id;
  const [web] = instances.create(projectId, {
    name: 'web',
    imageId: CENTOS_7,
    flavorId: 't2.c1m1',
    zone: 'kr-pub-a',
    rootDiskGb: 20,
    count: 1,
    keyName: 'key',
    securityGroupIds: [groupId],
    networkId: network.networks(projectId)[0]!.id,
  });
  engine.advance(5_000);
  const ip = floatingIps.allocate(projectId);
  floatingIps.associate(projectId, ip.id, web!.portId!);
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
  return { engine, projectId, traffic, web: web!, floatingIp: ip.address, changes, allow };
}

describe('the traffic module’s one point of invalidation', () => {
  it('keeps a connection’s verdict until a change of a traffic kind, then evaluates again and says so', () => {
    const { engine, projectId, traffic, floatingIp, changes, allow } = fixture();
    const evaluate = vi.spyOn(engine.modules.connectivity, 'tcpFlow');
    expect(traffic.connection(floatingIp, 22)).toMatchObject({ action: 'drop', verdict: { reason: { code: 'NO_MATCHING_RULE' } } });
    expect(traffic.connection(floatingIp, 22)?.action).toBe('drop');
    expect(evaluate).toHaveBeenCalledTimes(1);

    // A key pair is no traffic kind: nothing is forgotten.
    engine.modules.keyPairs.import(projectId, 'other-key', PUBLIC_KEY);
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

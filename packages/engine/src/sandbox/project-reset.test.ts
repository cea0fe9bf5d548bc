import { describe, expect, it } from 'vitest';
import { draftFromTemplate } from '@sandcloud/domain';
import { createTestWorld, instanceInput } from '../testing/test-world.ts';

/** A project with an instance behind a floating IP, an attached volume with a snapshot, a key pair, a group and a rule. */
function busyProject() {
  const world = createTestWorld();
  const { engine, projectId, m } = world;
  const defaultGroup = m.securityGroups.list(projectId).find((g) => g.name === 'default')!;
  m.securityGroups.addRule(projectId, defaultGroup.id, draftFromTemplate('ssh'));
  m.securityGroups.create(projectId, { name: 'web', description: '' });
  const [instance] = m.instances.create(projectId, instanceInput(world, { securityGroupIds: [defaultGroup.id] }));
  const volume = m.volumes.create(projectId, { name: 'data', sizeGb: 10 });
  engine.advance(5_000);
  const fip = m.floatingIps.allocate(projectId);
  m.floatingIps.associate(projectId, fip.id, instance!.portId!);
  m.volumes.attach(projectId, volume.id, instance!.id);
  engine.advance(2_000);
  m.volumeSnapshots.create(projectId, { volumeId: volume.id, name: 'snap' });
  engine.advance(3_000);
  return { world, engine, projectId, m, defaultGroup };
}

describe('project reset', () => {
  it('removes everything in dependency order through the services, leaving the Default Network and the default group', () => {
    const { engine, projectId, m, defaultGroup } = busyProject();
    const deleted: string[] = [];
    engine.events.subscribe((e) => {
      if (e.change === 'deleted' && e.projectId === projectId) deleted.push(e.kind);
    });
    expect(engine.reset.resourceCount(projectId)).toBe(8);

    const first = engine.reset.start(projectId);
    expect(first.state).toBe('running');
    expect(first.removed['floating-ips']).toBe(1);
    expect(first.phase).toBe('volume-attachments');

    for (let i = 0; i < 40 && engine.reset.report(projectId)!.state === 'running'; i++) engine.advance(500);
    const report = engine.reset.report(projectId)!;
    expect(report.state).toBe('done');
    expect(report.removed).toEqual({
      'load-balancers': 0,
      'floating-ips': 1,
      'volume-attachments': 1,
      'volume-snapshots': 1,
      volumes: 1,
      instances: 1,
      images: 0,
      'key-pairs': 1,
      'security-groups': 2,
    });
    expect(m.instances.list(projectId)).toEqual([]);
    expect(m.floatingIps.list(projectId)).toEqual([]);
    expect(m.volumes.list(projectId)).toEqual([]);
    expect(m.volumeSnapshots.list(projectId)).toEqual([]);
    expect(m.keyPairs.list(projectId)).toEqual([]);
    expect(m.securityGroups.list(projectId).map((g) => g.name)).toEqual(['default']);
    expect(m.securityGroups.get(projectId, defaultGroup.id).rules).toHaveLength(4);
    expect(m.network.networks(projectId).map((n) => n.name)).toEqual(['Default Network']);
    // Each deletion went through its service: events in dependency order.
    expect(deleted.indexOf('floating-ip')).toBeLessThan(deleted.indexOf('volume-snapshot'));
    expect(deleted.indexOf('volume')).toBeLessThan(deleted.indexOf('instance'));
    expect(deleted.indexOf('instance')).toBeLessThan(deleted.indexOf('key-pair'));
    expect(engine.reset.resourceCount(projectId)).toBe(0);
  });

  it('waits for an instance still building, then removes it', () => {
    const { world, engine, projectId, m } = busyProject();
    m.instances.create(projectId, instanceInput(world, { name: 'late', securityGroupIds: [] }));
    engine.reset.start(projectId);
    for (let i = 0; i < 40 && engine.reset.report(projectId)!.state === 'running'; i++) engine.advance(500);
    expect(engine.reset.report(projectId)!.removed.instances).toBe(2);
    expect(m.instances.list(projectId)).toEqual([]);
  });
});

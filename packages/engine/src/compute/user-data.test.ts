import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { createEngine } from '../engine.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx test@example';

function project() {
  const engine = createEngine({ clock: new ManualClock() });
  engine.ensureAdmin('admin', 'admin-password');
  const { id: projectId } = engine.projects.create(engine.identity.findUser('admin')!, { name: 'p' });
  engine.activateCompute(projectId);
  const { instances, keyPairs, network, securityGroups, guests } = engine.modules;
  keyPairs.import(projectId, 'key', PUBLIC_KEY);
  const create = (userData?: string) =>
    instances.create(projectId, {
      name: 'web',
      imageId: UBUNTU,
      flavorId: 'm2.c1m2',
      zone: 'kr-pub-a',
      rootDiskGb: 20,
      count: 1,
      keyName: 'key',
      securityGroupIds: [securityGroups.list(projectId).find((g) => g.name === 'default')!.id],
      networkId: network.networks(projectId)[0]!.id,
      ...(userData === undefined ? {} : { userData }),
    });
  return { engine, projectId, instances, guests, create };
}

describe('user data', () => {
  it('is kept on the instance and run by the guest on its first boot only', async () => {
    const { engine, projectId, instances, guests, create } = project();
    const [instance] = create('#!/bin/bash\necho "made by $(whoami)" > /root/made.txt\necho done');
    expect(instances.get(projectId, instance!.id).userData).toBe('#!/bin/bash\necho "made by $(whoami)" > /root/made.txt\necho done');
    engine.advance(5_000);
    const shell = (line: string) => guests.runCommand(projectId, instance!.id, line);
    await expect.poll(async () => (await shell('cat /var/log/cloud-init-output.log')).stdout).toContain('finished at');
    expect((await shell('cat /root/made.txt')).stdout).toBe('made by root\n');
    expect((await shell('grep -c ^done /var/log/cloud-init-output.log')).stdout).toBe('1\n');

    instances.stop(projectId, instance!.id);
    engine.advance(3_000);
    instances.start(projectId, instance!.id);
    engine.advance(3_000);
    expect(instances.get(projectId, instance!.id).status).toBe('ACTIVE');
    expect((await shell('grep -c ^done /var/log/cloud-init-output.log')).stdout).toBe('1\n');
  });

  it('is at most 64 KiB', () => {
    const { create } = project();
    expect(() => create(`#!/bin/bash\n${'x'.repeat(64 * 1024)}`)).toThrow('User data is at most 64 KiB');
  });
});

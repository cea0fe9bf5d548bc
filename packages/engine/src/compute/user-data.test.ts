import { describe, expect, it } from 'vitest';
import { createTestWorld, instanceInput } from '../testing/test-world.ts';

function project() {
  const world = createTestWorld();
  const { engine, projectId } = world;
  const { instances, guests } = world.m;
  const create = (userData?: string) => instances.create(projectId, instanceInput(world, userData === undefined ? {} : { userData }));
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

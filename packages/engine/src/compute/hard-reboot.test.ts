import { describe, expect, it } from 'vitest';
import { activeInstance, instanceInput } from '../testing/test-world.ts';

describe('hard reboot (one lifecycle row + one task function)', () => {
  it('HARD_REBOOT, then ACTIVE: the power was cut, so what the guest had not written out is lost', async () => {
    const { engine, projectId, id, instances, get, shell } = activeInstance();
    expect(get().status).toBe('ACTIVE');
    await shell('echo lost > /root/unsynced.txt');

    const rebooting = instances.hardReboot(projectId, id);
    expect(rebooting).toMatchObject({ status: 'HARD_REBOOT', taskState: null, powerState: 'RUNNING' });
    expect(instances.allowedActions(rebooting)).toEqual(['update']);
    await expect(shell('true')).rejects.toThrow('Instance web is HARD_REBOOT; start it first');

    engine.advance(2_999);
    expect(get().status).toBe('HARD_REBOOT');
    engine.advance(1);
    expect(get()).toMatchObject({ status: 'ACTIVE', taskState: null, powerState: 'RUNNING' });
    expect((await shell('cat /root/unsynced.txt')).exitCode).toBe(1);
    expect(instances.history(projectId, id).map((h) => h.message).slice(-2)).toEqual(['hard reboot requested', 'Status HARD_REBOOT → ACTIVE']);
  });

  it('a soft reboot halts cleanly instead: the same unsynced file survives', async () => {
    const { engine, projectId, id, instances, get, shell } = activeInstance();
    await shell('echo kept > /root/unsynced.txt');
    expect(instances.reboot(projectId, id).status).toBe('REBOOT');
    engine.advance(4_000);
    expect(get().status).toBe('ACTIVE');
    expect((await shell('cat /root/unsynced.txt')).stdout).toBe('kept\n');
  });

  it('gets an instance out of a soft reboot (whose own end then does nothing) and out of SHUTOFF', () => {
    const { engine, projectId, id, instances, get } = activeInstance();
    instances.reboot(projectId, id);
    expect(instances.allowedActions(get())).toEqual(['hard-reboot', 'update']);
    instances.hardReboot(projectId, id);
    engine.advance(3_000);
    expect(get().status).toBe('ACTIVE');
    engine.advance(1_000); // when the soft reboot would have ended
    expect(get().status).toBe('ACTIVE');
    expect(instances.history(projectId, id).filter((h) => h.status === 'ACTIVE')).toHaveLength(2); // build, hard reboot

    instances.stop(projectId, id);
    engine.advance(3_000);
    expect(instances.hardReboot(projectId, id)).toMatchObject({ status: 'HARD_REBOOT', powerState: 'SHUTDOWN' });
    engine.advance(3_000);
    expect(get()).toMatchObject({ status: 'ACTIVE', powerState: 'RUNNING' });
  });

  it('is refused from BUILD and while a task runs, with the message the table implies', () => {
    const { world, projectId, id, instances } = activeInstance();
    const [building] = instances.create(projectId, instanceInput(world, { name: 'db' }));
    expect(() => instances.hardReboot(projectId, building!.id)).toThrow('Cannot hard reboot instance db while it is BUILD');
    instances.stop(projectId, id);
    expect(() => instances.hardReboot(projectId, id)).toThrow('Cannot hard reboot instance web while it is powering-off');
    expect(() => instances.act(projectId, id, 'hard-reboot')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});

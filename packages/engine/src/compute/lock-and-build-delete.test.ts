import { describe, expect, it } from 'vitest';
import { runInRequest } from '../activity/activity-context.ts';
import { EngineError } from '../core/errors.ts';
import { activeInstance, createTestWorld, instanceInput } from '../testing/test-world.ts';

const member = { requestId: 'r1', source: 'test', actor: () => ({ id: 'u1', name: 'ann' }), admin: () => false };
const administrator = { ...member, actor: () => ({ id: 'u0', name: 'root' }), admin: () => true };

describe('instance lock', () => {
  it('refuses every action to a non-admin while locked (coded instance.locked), lets an admin through, and unlocks', () => {
    const { engine, projectId, id, instances, get } = activeInstance();
    instances.lock(projectId, id, { userId: 'u1', admin: false });
    expect(get().locked).toEqual({ byUserId: 'u1', byAdmin: false, reason: null });
    for (const act of [() => instances.stop(projectId, id), () => instances.hardReboot(projectId, id), () => instances.delete(projectId, id), () => instances.resize(projectId, id, 'm2.c2m4')]) {
      let refused: unknown;
      try {
        runInRequest(member, act);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(EngineError);
      expect(refused).toMatchObject({ code: 'CONFLICT', messageCode: 'instance.locked', params: { name: 'web' } });
    }
    expect(get().status).toBe('ACTIVE');
    runInRequest(administrator, () => instances.stop(projectId, id));
    engine.advance(5_000);
    expect(get().status).toBe('SHUTOFF');
    instances.unlock(projectId, id, { userId: 'u1', admin: false });
    runInRequest(member, () => instances.start(projectId, id));
    expect(get().locked).toBeNull();
  });

  it('keeps an admin lock from a non-admin unlock (FORBIDDEN)', () => {
    const { projectId, id, instances } = activeInstance();
    instances.lock(projectId, id, { userId: 'u0', admin: true }, 'maintenance');
    expect(() => instances.unlock(projectId, id, { userId: 'u1', admin: false })).toThrow(expect.objectContaining({ code: 'FORBIDDEN', messageCode: 'instance.locked' }) as Error);
    expect(instances.unlock(projectId, id, { userId: 'u0', admin: true }).locked).toBeNull();
  });
});

describe('delete while building', () => {
  it('refuses to delete a BUILD instance (409, nothing changes); once ACTIVE it deletes', () => {
    const world = createTestWorld();
    const { engine, projectId, m } = world;
    const [building] = m.instances.create(projectId, instanceInput(world));
    expect(building!.status).toBe('BUILD');
    let refused: unknown;
    try {
      m.instances.delete(projectId, building!.id);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(EngineError);
    expect((refused as EngineError).code).toBe('CONFLICT');
    expect(m.instances.list(projectId).map((instance) => instance.taskState)).toEqual([building!.taskState]);
    engine.advance(10_000);
    expect(m.instances.list(projectId)[0]!.status).toBe('ACTIVE');
    expect(m.instances.delete(projectId, building!.id).taskState).toBe('deleting');
  });
});

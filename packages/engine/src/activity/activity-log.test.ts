import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld, instanceInput, type TestWorld } from '../testing/test-world.ts';
import { currentRequest, runInRequest, type RequestInfo } from './activity-context.ts';
import { ACTIVITY_RETENTION_MS } from './activity-log.ts';

const worlds: TestWorld[] = [];
afterEach(() => {
  for (const world of worlds.splice(0)) world.engine.close();
});

const kim: RequestInfo = { requestId: 'req-1', source: 'console', actor: () => ({ id: 'u-kim', name: 'kim' }) };

function world() {
  const w = createTestWorld();
  worlds.push(w);
  return w;
}

const lines = (w: TestWorld, filter: object = {}) => w.m.activity.page({ projectId: w.projectId, ...filter }, 50, 0).items;

describe('the activity log', () => {
  it('writes a launch accepted by its user and request, then done when the instance is ACTIVE', () => {
    const w = world();
    const [instance] = runInRequest(kim, () => w.m.instances.create(w.projectId, instanceInput(w, { name: 'web-1' })));
    const launch = lines(w, { resourceKind: 'instance' });
    expect(launch).toMatchObject([{ action: 'create', resourceId: instance!.id, resourceName: 'web-1', userName: 'kim', userId: 'u-kim', requestId: 'req-1', source: 'console', result: 'accepted', finishedAt: null }]);
    w.engine.advance(5_000);
    expect(lines(w, { resourceKind: 'instance' })).toMatchObject([{ action: 'create', result: 'done', reason: null }]);
  });

  it('names lifecycle actions (stop) and plain changes (a key pair imported)', () => {
    const w = world();
    const [instance] = w.m.instances.create(w.projectId, instanceInput(w));
    w.engine.advance(5_000);
    runInRequest(kim, () => w.m.instances.stop(w.projectId, instance!.id));
    runInRequest({ ...kim, requestId: 'req-2' }, () => w.m.keyPairs.import(w.projectId, 'other', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx x@y'));
    expect(lines(w).map((l) => [l.action, l.resourceKind, l.result, l.requestId])).toEqual([
      ['create', 'key-pair', 'done', 'req-2'],
      ['stop', 'instance', 'accepted', 'req-1'],
    ]);
    w.engine.advance(10_000);
    expect(lines(w, { action: 'stop' })[0]!.result).toBe('done');
  });

  it('writes nothing for changes outside a request (the scheduler) and nothing for a request without a user', () => {
    const w = world();
    w.m.instances.create(w.projectId, instanceInput(w));
    runInRequest({ ...kim, actor: () => undefined }, () => w.m.instances.create(w.projectId, instanceInput(w, { name: 'b' })));
    expect(lines(w)).toEqual([]);
  });

  it('a request that failed without changing anything is one failed line with the reason', () => {
    const w = world();
    runInRequest(kim, () => {
      const context = currentRequest()!;
      const error = captureError(() => w.m.instances.create(w.projectId, instanceInput(w, { count: 11 })));
      w.m.activity.failed(context, { projectId: w.projectId, action: 'create', resourceKind: 'instance', resourceId: null, reason: error });
    });
    expect(lines(w)).toMatchObject([
      { action: 'create', resourceKind: 'instance', result: 'failed', userName: 'kim', reason: 'Create 1 to 10 instances at once' },
    ]);
  });

  it('filters by user, kind and time, pages newest first, and prunes lines past the retention', () => {
    const w = world();
    for (let i = 0; i < 5; i++) {
      runInRequest({ ...kim, actor: () => ({ id: `u${i % 2}`, name: i % 2 ? 'lee' : 'kim' }) }, () => w.m.securityGroups.create(w.projectId, { name: `g${i}`, description: '' }));
      w.clock.advance(1000);
    }
    const page = w.m.activity.page({ projectId: w.projectId, userName: 'kim' }, 2, 0);
    expect(page.total).toBe(3);
    expect(page.items.map((l) => l.resourceName)).toEqual(['g4', 'g2']);
    const start = lines(w)[4]!.at;
    expect(lines(w, { from: start + 1000, to: start + 2000 }).map((l) => l.resourceName)).toEqual(['g2', 'g1']);
    w.clock.advance(ACTIVITY_RETENTION_MS - 3500);
    expect(w.m.activity.prune()).toBe(2);
    expect(lines(w).map((l) => l.resourceName)).toEqual(['g4', 'g3', 'g2']);
  });
});

function captureError(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

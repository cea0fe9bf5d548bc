import { VOLUME_SNAPSHOT_LIFECYCLE, type Lifecycle } from '@sandcloud/domain';
import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { EventBus, type ResourceEvent } from './events.ts';
import { LifecycleRunner, type LifecycleTask } from './lifecycle-runner.ts';
import { Scheduler, type TaskFailure } from './scheduler.ts';
import { InvalidTransitionError } from './state-machine.ts';
import { openDatabase } from '../store/database.ts';
import { ResourceStore, type ResourceBase } from '../store/resource-store.ts';
import { SqliteScheduledTasks, type ScheduledTaskStore } from '../store/scheduled-tasks.ts';

/** A toy kind: a kettle that heats (two steps), pours, and can be thrown away. */
type KettleStatus = 'FILLING' | 'WARMING' | 'BOILING' | 'READY' | 'POURING' | 'BROKEN';
interface Kettle extends ResourceBase {
  status: KettleStatus;
  cups: number;
}
type KettleAction = 'fill' | 'pour' | 'discard' | 'descale';

const KETTLE: Lifecycle<KettleStatus, { status: KettleStatus }, KettleAction> = {
  noun: 'kettle',
  actions: {
    fill: {
      from: 'new',
      steps: [
        { state: { status: 'WARMING' }, ms: 1_000 },
        { state: { status: 'BOILING' }, ms: 2_000 },
      ],
      to: [{ status: 'READY' }],
      error: { status: 'BROKEN' },
    },
    pour: { from: ['READY'], steps: [{ state: { status: 'POURING' }, ms: 500 }], to: [{ status: 'READY' }, { status: 'FILLING' }], error: { status: 'BROKEN' } },
    discard: { from: ['READY', 'BROKEN'], steps: [{ state: { status: 'POURING' }, ms: 100 }], to: 'deleted', error: { status: 'BROKEN' } },
    descale: { from: ['READY'] },
  },
};

function setup(tasks: { [K in KettleAction]?: LifecycleTask<Kettle> } = {}) {
  const clock = new ManualClock(0);
  const bus = new EventBus();
  const events: string[] = [];
  bus.subscribe((event: ResourceEvent) => events.push(`${event.change} ${event.status}`));
  const store = new ResourceStore(openDatabase(':memory:'), clock, bus);
  const queue = new SqliteScheduledTasks(store.db);
  const state = { storeDown: false };
  const tasksStore: ScheduledTaskStore = { ...bind(queue), remove: (id) => (state.storeDown ? fail() : queue.remove(id)) };
  const scheduler = new Scheduler(store, tasksStore, clock, 1);
  const failures: TaskFailure[] = [];
  scheduler.onFailure((failure) => failures.push(failure));
  const runner = new LifecycleRunner(store, scheduler);
  const changed: string[] = [];
  const kettles = runner.define<Kettle, KettleAction>({ kind: 'kettle', lifecycle: KETTLE, tasks, changed: (k) => changed.push(k.status) });
  const fill = (name = 'k1') => kettles.create('fill', { id: name, projectId: 'p', name, status: 'FILLING', cups: 4 });
  const get = (id = 'k1') => store.get<Kettle>('kettle', id);
  return { clock, store, scheduler, kettles, fill, get, events, changed, failures, state };
}

function bind(queue: SqliteScheduledTasks): ScheduledTaskStore {
  return {
    add: (...args) => queue.add(...args),
    next: () => queue.next(),
    remove: (id) => queue.remove(id),
    postpone: (id, dueAt) => queue.postpone(id, dueAt),
    ofType: (type) => queue.ofType(type),
    count: () => queue.count(),
  };
}

function fail(): never {
  throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
}

describe('lifecycle runner', () => {
  it('walks a created resource through its steps, each at its own time, to the to-state', () => {
    const { scheduler, fill, get, events, changed } = setup();
    expect(fill().status).toBe('WARMING');
    scheduler.advance(999);
    expect(get()!.status).toBe('WARMING');
    scheduler.advance(1);
    expect(get()!.status).toBe('BOILING');
    scheduler.advance(2_000);
    expect(get()!.status).toBe('READY');
    expect(events).toEqual(['created WARMING', 'updated BOILING', 'updated READY']);
    expect(changed).toEqual(['WARMING', 'BOILING', 'READY']);
    expect(scheduler.pendingCount()).toBe(0);
  });

  it('refuses an action from a state the table does not list, with the 409 message made from the table', () => {
    const { kettles, fill } = setup();
    const kettle = fill();
    const attempt = () => kettles.begin(kettle, 'pour');
    expect(attempt).toThrow(InvalidTransitionError);
    expect(attempt).toThrow('Cannot pour kettle k1 while it is WARMING');
    expect(kettles.allowed(kettle)).toEqual([]);
  });

  it('offers the table’s actions in its order, guards included, never the creating one', () => {
    const { scheduler, kettles, fill, get } = setup();
    fill();
    scheduler.advance(3_000);
    expect(kettles.allowed(get()!)).toEqual(['pour', 'discard', 'descale']);
  });

  it('lets the task pick among several to-states and write its own changes, then deletes on a `deleted` row', () => {
    const { scheduler, kettles, fill, get, store } = setup({
      pour: { complete: (k) => ({ to: k.cups > 1 ? 0 : 1, changes: { cups: k.cups - 1 }, note: 'Poured one cup' }) },
    });
    fill();
    scheduler.advance(3_000);
    const poured = kettles.begin(get()!, 'pour');
    expect(poured.status).toBe('POURING');
    scheduler.advance(500);
    expect(get()).toMatchObject({ status: 'READY', cups: 3 });
    expect(store.history('k1').at(-1)!.message).toBe('Poured one cup');
    kettles.begin(get()!, 'discard');
    scheduler.advance(100);
    expect(get()).toBeUndefined();
  });

  it('a failing task rolls its writes back and lands on the error state, with the reason in the history', () => {
    const { scheduler, kettles, fill, get, store, failures } = setup({
      pour: {
        complete: (k) => {
          store.update<Kettle>('kettle', k, { cups: 0 });
          throw new Error('the handle came off');
        },
      },
    });
    fill();
    scheduler.advance(3_000);
    kettles.begin(get()!, 'pour');
    scheduler.advance(500);
    expect(get()).toMatchObject({ status: 'BROKEN', cups: 4 });
    expect(store.history('k1').at(-1)).toMatchObject({ status: 'BROKEN', message: 'pour failed: the handle came off' });
    expect(failures.map((f) => [f.type, f.outcome, f.message])).toEqual([['lifecycle.step', 'handled', 'the handle came off']]);
    expect(scheduler.pendingCount()).toBe(0);
    expect(kettles.allowed(get()!)).toEqual(['discard']);
  });

  it('a failure hook writes its changes and history line with the error state', () => {
    const { scheduler, kettles, fill, get, store } = setup({
      pour: {
        complete: () => {
          throw new Error('no handle');
        },
        failure: (k, error) => ({ changes: { cups: k.cups - 1 }, note: `BROKEN: ${(error as Error).message}` }),
      },
    });
    fill();
    scheduler.advance(3_000);
    kettles.begin(get()!, 'pour');
    scheduler.advance(500);
    expect(get()).toMatchObject({ status: 'BROKEN', cups: 3 });
    expect(store.history('k1').at(-1)).toMatchObject({ status: 'BROKEN', message: 'BROKEN: no handle' });
  });

  it('beginBySystem starts an action without the table’s check (the system, not a user, moves it)', () => {
    const { scheduler, kettles, fill, get } = setup();
    fill();
    expect(() => kettles.begin(get()!, 'pour')).toThrow(InvalidTransitionError);
    kettles.beginBySystem(get()!, 'pour', {}, 'poured by the timer');
    expect(get()!.status).toBe('POURING');
    scheduler.advance(500);
    expect(get()!.status).toBe('READY');
  });

  it('a step whose resource has moved on (another action took over) does nothing', () => {
    const { scheduler, fill, get, store } = setup();
    fill();
    store.transaction(() => store.update<Kettle>('kettle', get()!, { status: 'BROKEN' }));
    scheduler.advance(3_000);
    expect(get()!.status).toBe('BROKEN');
    expect(scheduler.pendingCount()).toBe(0);
  });

  it('resumes pending steps after a restart: a new scheduler and runner on the same database', () => {
    const first = setup();
    first.fill();
    first.scheduler.advance(1_000); // now BOILING, its end is queued
    const scheduler = new Scheduler(first.store, new SqliteScheduledTasks(first.store.db), first.clock, 1);
    new LifecycleRunner(first.store, scheduler).define<Kettle, KettleAction>({ kind: 'kettle', lifecycle: KETTLE });
    scheduler.advance(2_000);
    expect(first.get()!.status).toBe('READY');
  });

  it('a store failure when a step ends is retried, not turned into the error state', () => {
    const { scheduler, fill, get, state, failures, clock } = setup();
    fill();
    state.storeDown = true;
    scheduler.advance(1_000);
    expect(get()!.status).toBe('WARMING');
    expect(failures.map((f) => [f.outcome, f.code])).toEqual([['retry', 'SQLITE_BUSY']]);
    state.storeDown = false;
    scheduler.advance(250);
    expect(get()!.status).toBe('BOILING');
    scheduler.advance(2_000);
    expect(get()!.status).toBe('READY');
    expect(clock.now()).toBe(3_250);
  });

  it('finishes steps queued by the services before the runner (a data directory upgraded mid-operation)', () => {
    const clock = new ManualClock(0);
    const store = new ResourceStore(openDatabase(':memory:'), clock, new EventBus());
    const scheduler = new Scheduler(store, new SqliteScheduledTasks(store.db), clock, 1);
    store.transaction(() => {
      store.insert<ResourceBase>('volume-snapshot', { id: 's1', projectId: 'p', name: 's1', status: 'creating' });
      scheduler.schedule('volume-snapshot.create-complete', { id: 's1' }, 3_000); // the old service's task type
    });
    new LifecycleRunner(store, scheduler).define<ResourceBase, 'create' | 'create_volume' | 'delete'>({ kind: 'volume-snapshot', lifecycle: VOLUME_SNAPSHOT_LIFECYCLE });
    scheduler.advance(3_000);
    expect(store.get('volume-snapshot', 's1')!.status).toBe('available');
  });
});

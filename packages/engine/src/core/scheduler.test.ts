import { describe, expect, it } from 'vitest';
import { ManualClock, SystemClock } from './clock.ts';
import { EventBus } from './events.ts';
import { Scheduler, type TaskFailure } from './scheduler.ts';
import { openDatabase } from '../store/database.ts';
import { ResourceStore } from '../store/resource-store.ts';
import { SqliteScheduledTasks, type ScheduledTaskStore } from '../store/scheduled-tasks.ts';

function setup(speed = 1) {
  const clock = new ManualClock(1_000_000);
  const store = new ResourceStore(openDatabase(':memory:'), clock, new EventBus());
  const scheduler = new Scheduler(store, new SqliteScheduledTasks(store.db), clock, speed);
  const ran: string[] = [];
  const failures: TaskFailure[] = [];
  scheduler.register('note', ({ text }) => ran.push(`${String(text)}@${clock.now()}`));
  scheduler.onFailure((failure) => failures.push(failure));
  return { clock, store, scheduler, ran, failures };
}

/** An error as better-sqlite3 throws it when the disk is full or another process holds the lock. */
const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

/**
 * A store whose writes fail while `broken` is set (reads still work, as with a full disk): every
 * transaction and every write of the task queue throws the given SQLite error.
 */
function failingStore(code: 'SQLITE_FULL' | 'SQLITE_BUSY') {
  const clock = new ManualClock(1_000_000);
  const store = new ResourceStore(openDatabase(':memory:'), clock, new EventBus());
  const real = new SqliteScheduledTasks(store.db);
  const state = { broken: false };
  const fail = () => {
    if (state.broken) throw sqliteError(code, code === 'SQLITE_FULL' ? 'database or disk is full' : 'database is locked');
  };
  const work = {
    transaction: <T>(fn: () => T): T => {
      fail();
      return store.transaction(fn);
    },
  };
  const tasks: ScheduledTaskStore = {
    add: (...args) => (fail(), real.add(...args)),
    next: () => real.next(),
    remove: (id) => (fail(), real.remove(id)),
    postpone: (id, dueAt) => (fail(), real.postpone(id, dueAt)),
    ofType: (type) => real.ofType(type),
    count: () => real.count(),
  };
  const scheduler = new Scheduler(work, tasks, clock, 1);
  const ran: string[] = [];
  const failures: TaskFailure[] = [];
  scheduler.register('build', ({ id }) => ran.push(`${String(id)}@${clock.now()}`));
  scheduler.onFailure((failure) => failures.push(failure));
  return { clock, store, scheduler, ran, failures, state };
}

describe('manual clock', () => {
  it('moves only when told, never backwards', () => {
    const clock = new ManualClock(10);
    expect(clock.now()).toBe(10);
    clock.advance(5);
    expect(clock.now()).toBe(15);
    expect(() => clock.set(1)).toThrow(/never goes backwards/);
  });

  it('the system clock follows wall time', () => {
    const before = Date.now();
    const now = new SystemClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
  });
});

describe('scheduler', () => {
  it('runs each task at its own due time, in order, when the clock passes it', () => {
    const { store, scheduler, ran } = setup();
    store.transaction(() => {
      scheduler.schedule('note', { text: 'b' }, 2_000);
      scheduler.schedule('note', { text: 'a' }, 1_000);
    });
    scheduler.advance(999);
    expect(ran).toEqual([]);
    scheduler.advance(5_000);
    expect(ran).toEqual(['a@1001000', 'b@1002000']);
    expect(scheduler.pendingCount()).toBe(0);
  });

  it('runs steps scheduled by a step in the same advance', () => {
    const { store, scheduler, clock, ran } = setup();
    scheduler.register('chain', () => scheduler.schedule('note', { text: 'second' }, 500));
    store.transaction(() => scheduler.schedule('chain', {}, 1_000));
    scheduler.advance(2_000);
    expect(ran).toEqual([`second@${1_000_000 + 1_500}`]);
    expect(clock.now()).toBe(1_002_000);
  });

  it('compresses durations by the speed setting', () => {
    const { store, scheduler, ran } = setup(10);
    store.transaction(() => scheduler.schedule('note', { text: 'fast' }, 5_000));
    scheduler.advance(500);
    expect(ran).toEqual(['fast@1000500']);
  });

  it('retries a failing step with back-off, reports each failure, and drops it after five runs', () => {
    const { store, scheduler, failures } = setup();
    let runs = 0;
    scheduler.register('boom', () => {
      runs++;
      throw new Error('resource vanished');
    });
    store.transaction(() => scheduler.schedule('boom', { id: 'x' }, 10));
    scheduler.advance(10);
    expect(runs).toBe(1);
    expect(scheduler.pendingCount()).toBe(1);
    expect(failures).toEqual([
      { type: 'boom', payload: { id: 'x' }, attempt: 1, message: 'resource vanished', code: null, outcome: 'retry', retryAt: 1_000_010 + 250 },
    ]);
    scheduler.advance(249);
    expect(runs).toBe(1);
    scheduler.advance(60_000);
    expect(runs).toBe(5);
    expect(failures.map((f) => [f.attempt, f.outcome, f.retryAt === null ? null : f.retryAt - 1_000_010])).toEqual([
      [1, 'retry', 250],
      [2, 'retry', 250 + 500],
      [3, 'retry', 250 + 500 + 1_000],
      [4, 'retry', 250 + 500 + 1_000 + 2_000],
      [5, 'dropped', null],
    ]);
    expect(scheduler.pendingCount()).toBe(0);
  });

  it('cancels matching tasks', () => {
    const { store, scheduler, ran } = setup();
    store.transaction(() => {
      scheduler.schedule('note', { text: 'keep' }, 10);
      scheduler.schedule('note', { text: 'drop' }, 10);
      scheduler.cancel('note', (payload) => payload.text === 'drop');
    });
    scheduler.advance(10);
    expect(ran).toEqual(['keep@1000010']);
  });
});

describe('scheduler when the store fails (disk full, database locked)', () => {
  for (const code of ['SQLITE_FULL', 'SQLITE_BUSY'] as const) {
    it(`${code} on a due task: runDue (the timer path) does not throw; the step waits, is reported, and runs once the store is back`, () => {
      const { store, scheduler, ran, failures, state, clock } = failingStore(code);
      store.transaction(() => scheduler.schedule('build', { id: 'web' }, 5_000));
      clock.advance(5_000);
      state.broken = true;

      expect(() => scheduler.runDue()).not.toThrow();
      expect(ran).toEqual([]);
      expect(scheduler.pendingCount()).toBe(1);
      expect(failures).toEqual([
        { type: 'build', payload: { id: 'web' }, attempt: 1, message: expect.stringMatching(/full|locked/), code, outcome: 'retry', retryAt: 1_005_000 + 250 },
      ]);

      // Within the back-off nothing is tried again; after it, the next try fails and waits twice as long.
      clock.advance(100);
      expect(scheduler.runDue()).toBe(0);
      expect(failures).toHaveLength(1);
      clock.advance(150);
      expect(() => scheduler.runDue()).not.toThrow();
      expect(failures.map((f) => [f.attempt, f.outcome, f.retryAt])).toEqual([
        [1, 'retry', 1_005_250],
        [2, 'retry', 1_005_250 + 500],
      ]);

      // A store that stays broken for minutes never makes the step give up.
      for (let i = 0; i < 40; i++) {
        clock.advance(10_000);
        expect(() => scheduler.runDue()).not.toThrow();
      }
      expect(failures.every((f) => f.outcome === 'retry')).toBe(true);
      expect(failures.at(-1)!.retryAt! - failures.at(-2)!.retryAt!).toBe(10_000);
      expect(ran).toEqual([]);

      state.broken = false;
      clock.advance(10_000);
      expect(scheduler.runDue()).toBe(1);
      expect(ran).toEqual([`web@${clock.now()}`]);
      expect(scheduler.pendingCount()).toBe(0);
    });
  }

  it('a queue that cannot be read is reported and waited out, not thrown', () => {
    const clock = new ManualClock(0);
    const store = new ResourceStore(openDatabase(':memory:'), clock, new EventBus());
    let readable = false;
    const real = new SqliteScheduledTasks(store.db);
    const tasks: ScheduledTaskStore = {
      ...Object.fromEntries((['add', 'remove', 'postpone', 'ofType', 'count'] as const).map((m) => [m, real[m].bind(real)])),
      next: () => {
        if (!readable) throw sqliteError('SQLITE_IOERR', 'disk I/O error');
        return real.next();
      },
    } as ScheduledTaskStore;
    const scheduler = new Scheduler(store, tasks, clock, 1);
    const failures: TaskFailure[] = [];
    scheduler.onFailure((failure) => failures.push(failure));
    expect(() => scheduler.runDue()).not.toThrow();
    expect(failures).toEqual([{ type: '(queue)', payload: {}, attempt: 1, message: 'disk I/O error', code: 'SQLITE_IOERR', outcome: 'retry', retryAt: 250 }]);
    readable = true;
    clock.advance(250);
    expect(scheduler.runDue()).toBe(0);
    expect(failures).toHaveLength(1);
  });
});

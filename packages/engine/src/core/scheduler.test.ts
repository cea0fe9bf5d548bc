import { describe, expect, it } from 'vitest';
import { ManualClock, SystemClock } from './clock.ts';
import { EventBus } from './events.ts';
import { Scheduler } from './scheduler.ts';
import { openDatabase } from '../store/database.ts';
import { ResourceStore } from '../store/resource-store.ts';

function setup(speed = 1) {
  const clock = new ManualClock(1_000_000);
  const store = new ResourceStore(openDatabase(':memory:'), clock, new EventBus());
  const scheduler = new Scheduler(store, clock, speed);
  const ran: string[] = [];
  scheduler.register('note', ({ text }) => ran.push(`${String(text)}@${clock.now()}`));
  return { clock, store, scheduler, ran };
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

  it('drops a failing step instead of retrying it forever', () => {
    const { store, scheduler } = setup();
    scheduler.register('boom', () => {
      throw new Error('resource vanished');
    });
    store.transaction(() => scheduler.schedule('boom', {}, 10));
    const warn = console.warn;
    console.warn = () => {};
    scheduler.advance(10);
    console.warn = warn;
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

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { EventBus, type ResourceEvent } from '../core/events.ts';
import { openDatabase } from './database.ts';
import { ResourceStore, type ResourceBase } from './resource-store.ts';

interface Thing extends ResourceBase {
  size: number;
}

function setup() {
  const bus = new EventBus();
  const events: ResourceEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const store = new ResourceStore(openDatabase(':memory:'), new ManualClock(), bus);
  return { store, events };
}

describe('resource store', () => {
  it('stores attributes beside the common fields and reads them back', () => {
    const { store } = setup();
    store.transaction(() => store.insert<Thing>('thing', { id: 't1', projectId: 'p', name: 'one', status: 'ACTIVE', size: 3 }));
    expect(store.get<Thing>('thing', 't1')).toMatchObject({ name: 'one', size: 3, status: 'ACTIVE' });
    expect(store.list('thing', 'p')).toHaveLength(1);
    expect(store.list('thing', 'other')).toHaveLength(0);
  });

  it('publishes events only after the transaction commits, and none when it rolls back', () => {
    const { store, events } = setup();
    store.transaction(() => {
      store.insert<Thing>('thing', { id: 't1', projectId: 'p', name: 'one', status: 'BUILD', size: 1 });
      expect(events).toHaveLength(0);
    });
    expect(events.map((e) => [e.change, e.status])).toEqual([['created', 'BUILD']]);
    expect(() =>
      store.transaction(() => {
        store.insert<Thing>('thing', { id: 't2', projectId: 'p', name: 'two', status: 'BUILD', size: 1 });
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(store.get('thing', 't2')).toBeUndefined();
    expect(events).toHaveLength(1);
  });

  it('keeps a status history', () => {
    const { store } = setup();
    const thing = store.transaction(() => store.insert<Thing>('thing', { id: 't1', projectId: 'p', name: 'one', status: 'BUILD', size: 1 }));
    store.transaction(() => store.update<Thing>('thing', thing, { status: 'ACTIVE' }));
    expect(store.history('t1').map((h) => h.message)).toEqual(['Created with status BUILD', 'Status BUILD → ACTIVE']);
  });

  it('refuses writes outside a transaction', () => {
    const { store } = setup();
    expect(() => store.insert<Thing>('thing', { id: 't1', projectId: 'p', name: 'one', status: 'BUILD', size: 1 })).toThrow(/inside store.transaction/);
  });
});

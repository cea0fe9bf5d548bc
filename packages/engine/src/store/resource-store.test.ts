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

interface Tagged extends ResourceBase {
  owner: string | null;
  tags: string[];
}

describe('resource store in memory', () => {
  const tagged = (id: string, owner: string | null, tags: string[] = [], projectId = 'p') => ({ id, projectId, name: id, status: 'ACTIVE', owner, tags });

  it('answers indexed look-ups and keeps them current through updates and deletes', () => {
    const { store } = setup();
    store.transaction(() => {
      store.insert<Tagged>('tagged', tagged('a', 'port-1', ['g1', 'g2']));
      store.insert<Tagged>('tagged', tagged('b', 'port-2', ['g2']));
    });
    expect(store.findOne<Tagged>('tagged', 'owner', 'port-1')?.id).toBe('a');
    expect(store.countBy('tagged', 'tags', 'g2')).toBe(2);
    store.transaction(() => store.update<Tagged>('tagged', store.get<Tagged>('tagged', 'a')!, { owner: null, tags: ['g3'] }));
    expect(store.findOne('tagged', 'owner', 'port-1')).toBeUndefined();
    expect(store.findBy<Tagged>('tagged', 'owner', null).map((t) => t.id)).toEqual(['a']);
    expect(store.countBy('tagged', 'tags', 'g2')).toBe(1);
    expect(store.countBy('tagged', 'tags', 'g3')).toBe(1);
    store.transaction(() => store.delete('tagged', store.get('tagged', 'b')!));
    expect(store.countBy('tagged', 'tags', 'g2')).toBe(0);
    expect(store.list('tagged', 'p').map((t) => t.id)).toEqual(['a']);
  });

  it('rolls memory back with the database: inserts, updates and deletes of a failed transaction leave no trace', () => {
    const { store } = setup();
    store.transaction(() => {
      store.insert<Tagged>('tagged', tagged('a', 'port-1'));
      store.insert<Tagged>('tagged', tagged('b', 'port-2'));
    });
    store.findOne('tagged', 'owner', 'port-1'); // builds the index before the failed transaction
    expect(() =>
      store.transaction(() => {
        store.update<Tagged>('tagged', store.get<Tagged>('tagged', 'a')!, { owner: 'port-9' });
        store.delete('tagged', store.get('tagged', 'b')!);
        store.insert<Tagged>('tagged', tagged('c', 'port-3'));
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(store.list<Tagged>('tagged', 'p').map((t) => [t.id, t.owner])).toEqual([['a', 'port-1'], ['b', 'port-2']]);
    expect(store.findOne<Tagged>('tagged', 'owner', 'port-1')?.id).toBe('a');
    expect(store.findOne('tagged', 'owner', 'port-9')).toBeUndefined();
    expect(store.get('tagged', 'c')).toBeUndefined();
  });

  it('lists in creation order, as the database orders them, and a fresh store reads the same', () => {
    const clock = new ManualClock(1_000);
    const db = openDatabase(':memory:');
    const store = new ResourceStore(db, clock, new EventBus());
    store.transaction(() => {
      store.insert<Tagged>('tagged', tagged('m', null));
      store.insert<Tagged>('tagged', tagged('c', null));
    });
    clock.advance(5);
    store.transaction(() => store.insert<Tagged>('tagged', tagged('a', null)));
    store.transaction(() => store.update<Tagged>('tagged', store.get<Tagged>('tagged', 'm')!, { tags: ['x'] }));
    expect(store.list('tagged').map((t) => t.id)).toEqual(['c', 'm', 'a']);
    const fresh = new ResourceStore(db, clock, new EventBus());
    expect(fresh.list('tagged')).toEqual(store.list('tagged'));
  });

  it('hands out frozen records: a change goes through update, never in place', () => {
    const { store } = setup();
    const record = store.transaction(() => store.insert<Tagged>('tagged', tagged('a', null, ['g1'])));
    expect(() => record.tags.push('g2')).toThrow(TypeError);
    expect(() => {
      (store.get<Tagged>('tagged', 'a')! as { owner: string | null }).owner = 'x';
    }).toThrow(TypeError);
  });
});

describe('address allocations', () => {
  it('hands out the lowest free address, reuses released ones, and forgets a rolled-back one', () => {
    const { store } = setup();
    const first = 10;
    const lowest = () => store.ipAllocations.lowestFree('pool', first, 20, ['0.0.0.11']);
    expect(lowest()).toBe('0.0.0.10');
    store.transaction(() => {
      store.ipAllocations.take('pool', '0.0.0.10', 'a');
      store.ipAllocations.take('pool', '0.0.0.12', 'b');
    });
    expect(lowest()).toBe('0.0.0.13');
    store.transaction(() => store.ipAllocations.releaseOwner('a'));
    expect(lowest()).toBe('0.0.0.10');
    expect(() =>
      store.transaction(() => {
        store.ipAllocations.take('pool', '0.0.0.10', 'c');
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(lowest()).toBe('0.0.0.10');
    expect(() => store.transaction(() => store.ipAllocations.take('pool', '0.0.0.12', 'd'))).toThrow(/UNIQUE/);
    expect(store.ipAllocations.addresses('pool')).toEqual(['0.0.0.12']);
  });
});

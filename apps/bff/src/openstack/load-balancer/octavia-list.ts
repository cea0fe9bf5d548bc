import type { Request } from 'express';
import { queryString } from '../common.ts';
import { OsError } from '../errors.ts';
import { neutronList } from '../network/neutron-list.ts';

/** Octavia's parent filters: a child lists under `loadbalancer_id` or `pool_id` through its `loadbalancers` / `pools` links. */
const PARENT_FILTERS: Record<string, string> = { loadbalancer_id: 'loadbalancers', pool_id: 'pools', listener_id: 'listeners' };

function compare(x: unknown, y: unknown): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const [a, b] = [String(x ?? ''), String(y ?? '')];
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Octavia's list semantics over Neutron's (filters, `fields`, `limit` + `marker`): the default order
 * is `created_at` ascending, `sort=key:dir,key2:dir` (and Neutron's `sort_key`/`sort_dir`)
 * sorts numbers as numbers, and `loadbalancer_id` / `pool_id` / `listener_id` filter by parent.
 */
export function octaviaList<T extends { id: string; created_at: string }>(req: Request, collection: string, views: T[]): Record<string, unknown> {
  // Stable: rows created in the same second keep the engine's order (creation order, to the millisecond).
  let list = [...views].sort((a, b) => compare(a.created_at, b.created_at));
  for (const [param, link] of Object.entries(PARENT_FILTERS)) {
    const wanted = queryString(req.query[param]);
    if (wanted === undefined) continue;
    list = list.filter((view) => {
      const record = view as Record<string, unknown>;
      if (param in record) return record[param] === wanted;
      const parents = record[link];
      return !Array.isArray(parents) || parents.some((parent: { id?: unknown }) => parent.id === wanted);
    });
  }
  const sort = queryString(req.query.sort);
  if (sort !== undefined) {
    const keys = sort.split(',').map((part) => {
      const [key = '', dir = 'asc'] = part.trim().split(':');
      if (!key || (dir !== 'asc' && dir !== 'desc')) throw new OsError(400, `Invalid sort: ${part}`);
      return { key, direction: dir === 'desc' ? -1 : 1 };
    });
    list.sort((a, b) => {
      for (const { key, direction } of keys) {
        const order = compare((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]) * direction;
        if (order !== 0) return order;
      }
      return 0;
    });
  }
  return neutronList(req, collection, list);
}

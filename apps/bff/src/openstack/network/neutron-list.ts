import type { Request } from 'express';
import { baseUrl } from '../catalog.ts';
import { queryLimit, queryString, queryValues } from '../common.ts';
import { OsError } from '../errors.ts';

const NOT_FILTERS = new Set(['fixed_ips', 'fields', 'limit', 'marker', 'sort_key', 'sort_dir', 'page_reverse']);

/** A Neutron filter value against an attribute: `True`/`true`, `None` for null, numbers as text. */
function matches(value: unknown, wanted: string[]): boolean {
  if (value === null || value === undefined) return wanted.some((w) => w === '' || w === 'None');
  if (typeof value === 'boolean') return wanted.some((w) => w.toLowerCase() === String(value));
  if (Array.isArray(value)) return value.some((item) => typeof item !== 'object' && wanted.includes(String(item)));
  if (typeof value === 'object') return true;
  return wanted.includes(String(value));
}

/**
 * Neutron's list semantics over views: filters on any attribute (`?name=web`, repeated for "any of"),
 * `fields` to choose attributes, `sort_key`/`sort_dir`, and `limit` + `marker` with a `next` link.
 */
export function neutronList<T extends { id: string }>(req: Request, collection: string, views: T[]): Record<string, unknown> {
  let list = views;
  for (const [param, raw] of Object.entries(req.query)) {
    if (NOT_FILTERS.has(param)) continue;
    const wanted = queryValues(raw);
    list = list.filter((view) => !(param in view) || matches((view as Record<string, unknown>)[param], wanted));
  }
  const sortKey = queryString(req.query.sort_key);
  if (sortKey !== undefined) {
    const direction = queryString(req.query.sort_dir) === 'desc' ? -1 : 1;
    list = [...list].sort((a, b) => {
      const x = String((a as Record<string, unknown>)[sortKey] ?? '');
      const y = String((b as Record<string, unknown>)[sortKey] ?? '');
      return (x < y ? -1 : x > y ? 1 : 0) * direction;
    });
  }
  const marker = queryString(req.query.marker);
  if (marker !== undefined) {
    const at = list.findIndex((view) => view.id === marker);
    if (at < 0) throw new OsError(400, `Marker ${marker} could not be found`, 'BadRequest');
    list = list.slice(at + 1);
  }
  const limit = queryLimit(req.query.limit, (message) => new OsError(400, message, 'BadRequest'));
  const body: Record<string, unknown> = {};
  if (limit !== undefined && limit > 0 && list.length > limit) {
    list = list.slice(0, limit);
    const path = req.originalUrl.split('?')[0];
    body[`${collection}_links`] = [{ rel: 'next', href: `${baseUrl(req)}${path}?limit=${limit}&marker=${list[list.length - 1]!.id}` }];
  }
  body[collection] = list.map((view) => selectFields(req, view));
  return body;
}

/** `?fields=id&fields=name`: only those attributes, as Neutron answers. */
export function selectFields<T extends object>(req: Request, view: T): Partial<T> {
  const fields = queryValues(req.query.fields);
  if (fields.length === 0) return view;
  return Object.fromEntries(Object.entries(view).filter(([key]) => fields.includes(key))) as Partial<T>;
}

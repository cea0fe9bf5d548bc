import type { SortOrder } from '@sandcloud/api-schemas';

/** Page sizes the pager offers; the first is the default. */
export const PAGE_SIZES = [20, 50, 100, 500] as const;
export const DEFAULT_PAGE_SIZE = PAGE_SIZES[0];

/**
 * What a list shows: the page, the sort, the search text and the field filters. It lives in the URL
 * (`?sort=name&order=desc&q=web&status=ACTIVE&page=2`), so a shared link shows the same view, and
 * becomes the list endpoint's query string as is.
 */
export interface ListParams {
  page: number;
  size: number;
  sort: string | null;
  order: SortOrder;
  q: string;
  filters: Record<string, string>;
}

const RESERVED = new Set(['page', 'size', 'sort', 'order', 'q']);

const positive = (raw: string | null, fallback: number) => {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/**
 * Reads a list's view from the URL. `prefix` keeps two lists on one screen apart (`lst.sort`);
 * only the filter keys the list knows are read, so other parameters (`?tab=`) stay the screen's.
 */
export function readListParams(search: URLSearchParams, filterKeys: readonly string[], prefix = ''): ListParams {
  const get = (key: string) => search.get(prefix + key);
  const size = positive(get('size'), DEFAULT_PAGE_SIZE);
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = get(key);
    if (value) filters[key] = value;
  }
  return {
    page: positive(get('page'), 1),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort: get('sort') || null,
    order: get('order') === 'desc' ? 'desc' : 'asc',
    q: get('q') ?? '',
    filters,
  };
}

/** Writes a change into the URL's parameters, dropping defaults so a plain list keeps a plain URL. */
export function writeListParams(search: URLSearchParams, change: Partial<ListParams>, filterKeys: readonly string[], prefix = ''): URLSearchParams {
  const next = new URLSearchParams(search);
  const set = (key: string, value: string | null) => (value ? next.set(prefix + key, value) : next.delete(prefix + key));
  const current = readListParams(search, filterKeys, prefix);
  const merged = { ...current, ...change };
  // A new sort, search or filter starts again at the first page.
  const resetsPage = change.sort !== undefined || change.order !== undefined || change.q !== undefined || change.filters !== undefined;
  const page = change.page ?? (resetsPage ? 1 : current.page);
  set('page', page > 1 ? String(page) : null);
  set('size', merged.size !== DEFAULT_PAGE_SIZE ? String(merged.size) : null);
  set('sort', merged.sort);
  set('order', merged.sort && merged.order === 'desc' ? 'desc' : null);
  set('q', merged.q.trim() || null);
  for (const key of filterKeys) set(key, merged.filters[key] ?? null);
  return next;
}

/** The list endpoint's query string for a view: `limit`/`offset` from the page, the rest as is. */
export function listQueryString(params: ListParams): string {
  const query = new URLSearchParams({ limit: String(params.size), offset: String((params.page - 1) * params.size) });
  if (params.sort) {
    query.set('sort', params.sort);
    query.set('order', params.order);
  }
  if (params.q.trim()) query.set('q', params.q.trim());
  for (const [key, value] of Object.entries(params.filters)) if (value && !RESERVED.has(key)) query.set(key, value);
  return query.toString();
}

/** The sort a header click asks for: ascending, then descending, then the list's own order. */
export function nextSort(params: Pick<ListParams, 'sort' | 'order'>, field: string): Pick<ListParams, 'sort' | 'order'> {
  if (params.sort !== field) return { sort: field, order: 'asc' };
  if (params.order === 'asc') return { sort: field, order: 'desc' };
  return { sort: null, order: 'asc' };
}

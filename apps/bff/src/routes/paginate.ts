import type { Page, PageQuery } from '@sandcloud/api-schemas';

/**
 * One page of a list. With `map`, the page is taken first and only its items are mapped: a list
 * endpoint costs the page, not the whole project.
 */
export function paginate<T>(all: readonly T[], query: PageQuery): Page<T>;
export function paginate<T, U>(all: readonly T[], query: PageQuery, map: (item: T) => U): Page<U>;
export function paginate<T, U>(all: readonly T[], { limit, offset }: PageQuery, map?: (item: T) => U): Page<T | U> {
  const page = all.slice(offset, offset + limit);
  return { items: map ? page.map((item) => map(item)) : page, total: all.length, limit, offset };
}

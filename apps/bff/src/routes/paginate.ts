import { LIST_SORT_FIELDS, listQuerySchema, type ListQuery, type ListResource, type Page, type PageQuery, type SortField } from '@sandcloud/api-schemas';
import { HttpError } from '../http/errors.ts';
import { parseInput } from '../http/validate.ts';

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

type SortValue = string | number | boolean | null | undefined;
type FilterValue = string | number | boolean | null | undefined | readonly string[];

/**
 * What a list endpoint lets the console sort, search and filter on, as functions of its records (not
 * of the DTOs, so only the page is mapped). Every list endpoint describes itself with one of these
 * and answers through `listPage`.
 */
export interface ListSpec<T, S extends string = string> {
  /** Sort fields (`?sort=name`) and the value each sorts by; ties are broken by `id`. */
  sort: Record<S, (item: T) => SortValue>;
  /** The texts `?q=` searches, case-insensitively (names, ids, addresses). */
  search: (item: T) => readonly (string | null | undefined)[];
  /** Field filters (`?status=ACTIVE,SHUTOFF`: any of the comma-separated values; filters combine with AND). */
  filters?: Record<string, (item: T) => FilterValue>;
  /** Other query keys the endpoint reads itself (an image list's `visibility`). */
  extraKeys?: readonly string[];
  /** The record's id, for the stable tie-break and the `?id=a,b` look-up of chosen rows. */
  id: (item: T) => string;
}

const PAGE_KEYS = new Set(['limit', 'offset', 'sort', 'order', 'q', 'id']);
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

const listNames = (names: readonly string[]) => names.join(', ');

const idValues = (raw: unknown): Set<string> | undefined => {
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => String(value).split(',')).map((value) => value.trim()).filter(Boolean);
  return new Set(values);
};

/**
 * A list endpoint's spec whose sort fields are exactly the shared ones (`LIST_SORT_FIELDS`): typed
 * against them, and checked when the router is built, so the BFF and the console cannot drift apart.
 */
export function listSpec<T, R extends ListResource>(resource: R, spec: ListSpec<T, SortField<R>>): ListSpec<T, SortField<R>> {
  const shared: readonly string[] = LIST_SORT_FIELDS[resource];
  const own = Object.keys(spec.sort);
  const missing = shared.filter((field) => !own.includes(field));
  const extra = own.filter((field) => !shared.includes(field));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`The "${resource}" list sorts by ${listNames(own)}, but LIST_SORT_FIELDS names ${listNames(shared)}`);
  }
  // In the shared order, so a 400 names the fields as the console's list does.
  const sort = Object.fromEntries(shared.map((field) => [field, spec.sort[field as SortField<R>]])) as ListSpec<T, SortField<R>>['sort'];
  return { ...spec, sort };
}

/**
 * Reads a list request's view (page, sort, order, q, field filters) and answers one page of `all`:
 * filtered, searched, sorted with a stable tie-break by id, then only the page mapped. An unknown sort
 * field or filter is a 400 naming the ones this endpoint knows.
 */
export function listPage<T>(all: readonly T[], rawQuery: unknown, spec: ListSpec<T>): Page<T>;
export function listPage<T, U>(all: readonly T[], rawQuery: unknown, spec: ListSpec<T>, map: (item: T) => U): Page<U>;
export function listPage<T, U>(all: readonly T[], rawQuery: unknown, spec: ListSpec<T>, map?: (item: T) => U): Page<T | U> {
  const query: ListQuery = parseInput(listQuerySchema, rawQuery);
  const filters = spec.filters ?? {};
  const active: [(item: T) => FilterValue, Set<string>][] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (PAGE_KEYS.has(key) || spec.extraKeys?.includes(key)) continue;
    const field = filters[key];
    if (!field) {
      const known = Object.keys(filters);
      if (known.length === 0) throw new HttpError(400, 'INVALID_INPUT', `Unknown filter "${key}": this list has no field filters`, key, 'list.noFilters', { key });
      throw new HttpError(400, 'INVALID_INPUT', `Unknown filter "${key}": filter by ${listNames(known)}`, key, 'list.unknownFilter', { key, known: listNames(known) });
    }
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => String(value).split(',')).map((value) => value.trim()).filter(Boolean);
    if (values.length > 0) active.push([field, new Set(values)]);
  }
  if (query.sort !== undefined && !(query.sort in spec.sort)) {
    const known = listNames(Object.keys(spec.sort));
    throw new HttpError(400, 'INVALID_INPUT', `Cannot sort by "${query.sort}": sort by ${known}`, 'sort', 'list.unknownSort', { sort: query.sort, known });
  }

  let rows: readonly T[] = all;
  // `?id=a,b`: every list answers a look-up of the rows a screen already chose (a wizard's summary).
  const ids = idValues(query.id);
  if (ids) rows = rows.filter((item) => ids.has(spec.id(item)));
  if (active.length > 0) {
    rows = rows.filter((item) =>
      active.every(([field, wanted]) => {
        const value = field(item);
        if (Array.isArray(value)) return value.some((element) => wanted.has(element));
        return wanted.has(String(value ?? ''));
      }),
    );
  }
  const needle = query.q?.toLowerCase();
  if (needle) rows = rows.filter((item) => spec.search(item).some((text) => text?.toLowerCase().includes(needle)));
  if (query.sort !== undefined) {
    const key = spec.sort[query.sort]!;
    const direction = query.order === 'desc' ? -1 : 1;
    // Decorate once: a sort over 2,000 records computes each key once, not per comparison.
    const decorated = rows.map((item) => ({ item, value: key(item), id: spec.id(item) }));
    decorated.sort((a, b) => {
      const aMissing = a.value === null || a.value === undefined || a.value === '';
      const bMissing = b.value === null || b.value === undefined || b.value === '';
      // Rows without a value (no floating IP) stay last in both orders.
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
      const byValue = aMissing ? 0 : compareValues(a.value, b.value) * direction;
      return byValue !== 0 ? byValue : (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * direction;
    });
    rows = decorated.map(({ item }) => item);
  }
  return map ? paginate(rows, query, map) : paginate(rows, query);
}

interface NamedRecord {
  id: string;
  name: string;
  createdAt: number;
}

type SharedSort = 'name' | 'createdAt';
/** The sort fields a resource list adds to name and createdAt: required when the shared list names some. */
type OwnSort<T, R extends ListResource> = [Exclude<SortField<R>, SharedSort>] extends [never]
  ? { sort?: Record<never, never> }
  : { sort: Record<Exclude<SortField<R>, SharedSort>, (item: T) => SortValue> };
type ResourceOwn<T, R extends ListResource> = Partial<Omit<ListSpec<T>, 'id' | 'sort'>> & OwnSort<T, R>;

/**
 * The part every resource list shares: sort by name or creation time, `q` over name and id, the id
 * tie-break. An endpoint adds its own sort fields (the rest of its `LIST_SORT_FIELDS` entry), searched
 * texts and filters. `resourceListSpec<Instance, 'instances'>('instances', { sort: { status: … } })`.
 */
export function resourceListSpec<T extends NamedRecord, R extends ListResource>(
  resource: R,
  ...[own]: [Exclude<SortField<R>, SharedSort>] extends [never] ? [own?: ResourceOwn<T, R>] : [own: ResourceOwn<T, R>]
): ListSpec<T, SortField<R>> {
  const sort = { name: (item: T) => item.name, createdAt: (item: T) => item.createdAt, ...own?.sort } as Record<SortField<R>, (item: T) => SortValue>;
  return listSpec<T, R>(resource, {
    id: (item) => item.id,
    sort,
    search: (item) => [item.name, item.id, ...(own?.search?.(item) ?? [])],
    filters: own?.filters,
    extraKeys: own?.extraKeys,
  });
}

import type { ResourceBase } from './resource.ts';

/** Creation order, as `ORDER BY created_at, id` gives it (ids are ASCII, so code-unit order = byte order). */
function compare(a: ResourceBase, b: ResourceBase): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Index of `record` in a creation-ordered array, or where it would go (`found` false). */
function locate(sorted: ResourceBase[], record: ResourceBase): { at: number; found: boolean } {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compare(sorted[mid]!, record);
    if (order === 0) return { at: mid, found: true };
    if (order < 0) low = mid + 1;
    else high = mid;
  }
  return { at: low, found: false };
}

function keysOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined ? [] : [value];
}

/**
 * The parsed records of one kind, held in memory: by id, in creation order (all and per project),
 * and by any attribute a caller asks about (`findBy` builds that index on first use and keeps it
 * current on every write; an array attribute is indexed by each of its elements).
 */
export class KindTable {
  private readonly byId = new Map<string, ResourceBase>();
  private readonly ordered: ResourceBase[] = [];
  private readonly byProject = new Map<string | null, ResourceBase[]>();
  private readonly indexes = new Map<string, Map<unknown, Map<string, ResourceBase>>>();

  /** Loads records already in creation order (a fresh table). */
  constructor(records: ResourceBase[]) {
    for (const record of records) {
      this.byId.set(record.id, record);
      this.ordered.push(record);
      this.projectList(record.projectId).push(record);
    }
  }

  get(id: string): ResourceBase | undefined {
    return this.byId.get(id);
  }

  /** Every record (or the project's), in creation order. The array is the table's own: do not change it. */
  view(projectId?: string | null): readonly ResourceBase[] {
    if (projectId === undefined) return this.ordered;
    return this.byProject.get(projectId) ?? [];
  }

  count(projectId?: string | null): number {
    return this.view(projectId).length;
  }

  /** Records whose `field` equals `value` (or, for an array attribute, contains it), in no set order. */
  findBy(field: string, value: unknown): Iterable<ResourceBase> {
    return this.index(field).get(value)?.values() ?? [];
  }

  countBy(field: string, value: unknown): number {
    return this.index(field).get(value)?.size ?? 0;
  }

  /** Replaces `previous` (by id) with `next`; either may be absent (an insert, a delete). */
  put(previous: ResourceBase | undefined, next: ResourceBase | undefined): void {
    if (previous && next && previous.projectId === next.projectId && previous.createdAt === next.createdAt) {
      this.replaceInPlace(this.ordered, previous, next);
      this.replaceInPlace(this.projectList(next.projectId), previous, next);
    } else {
      if (previous) {
        this.remove(this.ordered, previous);
        this.remove(this.projectList(previous.projectId), previous);
      }
      if (next) {
        this.add(this.ordered, next);
        this.add(this.projectList(next.projectId), next);
      }
    }
    if (previous) this.byId.delete(previous.id);
    if (next) this.byId.set(next.id, next);
    for (const [field, index] of this.indexes) {
      if (previous) for (const key of keysOf((previous as unknown as Record<string, unknown>)[field])) index.get(key)?.delete(previous.id);
      if (next) {
        for (const key of keysOf((next as unknown as Record<string, unknown>)[field])) {
          let bucket = index.get(key);
          if (!bucket) index.set(key, (bucket = new Map()));
          bucket.set(next.id, next);
        }
      }
    }
  }

  private index(field: string): Map<unknown, Map<string, ResourceBase>> {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const record of this.ordered) {
        for (const key of keysOf((record as unknown as Record<string, unknown>)[field])) {
          let bucket = index.get(key);
          if (!bucket) index.set(key, (bucket = new Map()));
          bucket.set(record.id, record);
        }
      }
      this.indexes.set(field, index);
    }
    return index;
  }

  private projectList(projectId: string | null): ResourceBase[] {
    let list = this.byProject.get(projectId);
    if (!list) this.byProject.set(projectId, (list = []));
    return list;
  }

  private add(sorted: ResourceBase[], record: ResourceBase): void {
    const last = sorted[sorted.length - 1];
    if (!last || compare(last, record) < 0) sorted.push(record);
    else sorted.splice(locate(sorted, record).at, 0, record);
  }

  private remove(sorted: ResourceBase[], record: ResourceBase): void {
    const { at, found } = locate(sorted, record);
    if (found) sorted.splice(at, 1);
  }

  private replaceInPlace(sorted: ResourceBase[], previous: ResourceBase, next: ResourceBase): void {
    const { at, found } = locate(sorted, previous);
    if (found) sorted[at] = next;
    else this.add(sorted, next);
  }
}

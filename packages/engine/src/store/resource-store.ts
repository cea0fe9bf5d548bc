import type { Clock } from '../core/clock.ts';
import type { EventBus, ResourceEvent } from '../core/events.ts';
import type { SqliteDatabase } from './database.ts';

/** Fields every resource has, whatever its kind. */
export interface ResourceBase {
  id: string;
  projectId: string | null;
  name: string;
  status: string;
  createdAt: number;
  updatedAt: number;
}

interface ResourceRow {
  id: string;
  kind: string;
  project_id: string | null;
  name: string;
  status: string;
  data: string;
  created_at: number;
  updated_at: number;
}

const BASE_KEYS = new Set(['id', 'projectId', 'name', 'status', 'createdAt', 'updatedAt']);

function fromRow<T extends ResourceBase>(row: ResourceRow): T {
  return {
    ...(JSON.parse(row.data) as object),
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  } as T;
}

function attributesOf(resource: ResourceBase): string {
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) if (!BASE_KEYS.has(key)) attributes[key] = value;
  return JSON.stringify(attributes);
}

/**
 * The persistence interface of the engine: resources of every kind in one table (indexed by kind
 * and project), their status history, and the unit of work. Every mutation runs in `transaction`,
 * which is one SQLite transaction; change events are published only once it has committed, so a
 * subscriber never hears of a change that was rolled back.
 */
export class ResourceStore {
  private pendingEvents: ResourceEvent[] | null = null;

  constructor(
    readonly db: SqliteDatabase,
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  transaction<T>(work: () => T): T {
    if (this.pendingEvents) return work(); // joins the enclosing unit of work
    this.pendingEvents = [];
    let events: ResourceEvent[] = [];
    try {
      const result = this.db.transaction(work)();
      events = this.pendingEvents;
      return result;
    } finally {
      this.pendingEvents = null;
      for (const event of events) this.bus.publish(event);
    }
  }

  get<T extends ResourceBase>(kind: string, id: string): T | undefined {
    const row = this.db.prepare('SELECT * FROM resources WHERE kind = ? AND id = ?').get(kind, id) as
      | ResourceRow
      | undefined;
    return row ? fromRow<T>(row) : undefined;
  }

  list<T extends ResourceBase>(kind: string, projectId?: string | null): T[] {
    const rows = (
      projectId === undefined
        ? this.db.prepare('SELECT * FROM resources WHERE kind = ? ORDER BY created_at, id').all(kind)
        : this.db
            .prepare('SELECT * FROM resources WHERE kind = ? AND project_id IS ? ORDER BY created_at, id')
            .all(kind, projectId)
    ) as ResourceRow[];
    return rows.map((row) => fromRow<T>(row));
  }

  count(kind: string, projectId: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM resources WHERE kind = ? AND project_id = ?')
      .get(kind, projectId) as { n: number };
    return row.n;
  }

  findByName<T extends ResourceBase>(kind: string, projectId: string | null, name: string): T | undefined {
    const row = this.db
      .prepare('SELECT * FROM resources WHERE kind = ? AND project_id IS ? AND name = ? LIMIT 1')
      .get(kind, projectId, name) as ResourceRow | undefined;
    return row ? fromRow<T>(row) : undefined;
  }

  insert<T extends ResourceBase>(kind: string, fields: Omit<T, 'createdAt' | 'updatedAt'>): T {
    this.assertInTransaction();
    const now = this.clock.now();
    const resource = { ...fields, createdAt: now, updatedAt: now } as T;
    this.db
      .prepare(
        `INSERT INTO resources (id, kind, project_id, name, status, data, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(resource.id, kind, resource.projectId, resource.name, resource.status, attributesOf(resource), now, now);
    this.recordHistory(resource, `Created with status ${resource.status}`);
    this.emit(kind, resource, 'created');
    return resource;
  }

  /** Writes the changed fields; records a history line when the status moved. */
  update<T extends ResourceBase>(kind: string, current: T, changes: Partial<T>, note?: string): T {
    this.assertInTransaction();
    const next = { ...current, ...changes, updatedAt: this.clock.now() } as T;
    this.db
      .prepare('UPDATE resources SET name = ?, status = ?, data = ?, updated_at = ? WHERE kind = ? AND id = ?')
      .run(next.name, next.status, attributesOf(next), next.updatedAt, kind, next.id);
    if (next.status !== current.status || note) {
      this.recordHistory(next, note ?? `Status ${current.status} → ${next.status}`);
    }
    this.emit(kind, next, 'updated');
    return next;
  }

  delete(kind: string, resource: ResourceBase): void {
    this.assertInTransaction();
    this.db.prepare('DELETE FROM resources WHERE kind = ? AND id = ?').run(kind, resource.id);
    this.emit(kind, { ...resource, status: 'DELETED' }, 'deleted');
  }

  history(resourceId: string): { at: number; status: string | null; message: string }[] {
    return this.db
      .prepare('SELECT at, status, message FROM resource_events WHERE resource_id = ? ORDER BY id')
      .all(resourceId) as { at: number; status: string | null; message: string }[];
  }

  /** Lets a module publish a change that is not a row of `resources` (a membership, an activation). */
  emit(
    kind: string,
    resource: { id: string; projectId: string | null; status: string | null },
    change: ResourceEvent['change'],
  ): void {
    const event: ResourceEvent = {
      kind,
      id: resource.id,
      projectId: resource.projectId,
      change,
      status: resource.status,
      at: this.clock.now(),
    };
    if (this.pendingEvents) this.pendingEvents.push(event);
    else this.bus.publish(event);
  }

  private recordHistory(resource: ResourceBase, message: string): void {
    this.db
      .prepare('INSERT INTO resource_events (resource_id, at, status, message) VALUES (?, ?, ?, ?)')
      .run(resource.id, this.clock.now(), resource.status, message);
  }

  private assertInTransaction(): void {
    if (!this.pendingEvents) throw new Error('Resource writes must run inside store.transaction()');
  }
}

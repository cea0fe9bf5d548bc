import { ActivityTable } from './activity-table.ts';
import type { Clock } from '../core/clock.ts';
import type { EventBus, ResourceEvent } from '../core/events.ts';
import type { SqliteDatabase } from './database.ts';
import { DiskContentsTable } from './disk-contents-table.ts';
import { FlowLogTable } from './flow-log-table.ts';
import { IpAllocationTable } from './ip-allocation-table.ts';
import { KindTable } from './kind-table.ts';
import { ProjectMemberTable } from './project-member-table.ts';
import type { KindMap, ResourceBase } from './resource.ts';
import { SettingTable } from './setting-table.ts';
import { Statements } from './statements.ts';

export type { KindMap, ResourceBase } from './resource.ts';

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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function fromParts(base: ResourceBase, data: string): ResourceBase {
  return deepFreeze({
    ...(JSON.parse(data) as object),
    id: base.id,
    projectId: base.projectId,
    name: base.name,
    status: base.status,
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
  });
}

function fromRow(row: ResourceRow): ResourceBase {
  const base = { id: row.id, projectId: row.project_id, name: row.name, status: row.status, createdAt: row.created_at, updatedAt: row.updated_at };
  return fromParts(base, row.data);
}

function attributesOf(resource: ResourceBase): string {
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) if (!BASE_KEYS.has(key)) attributes[key] = value;
  return JSON.stringify(attributes);
}

/** A kind name of `Kinds`: the typed overloads below give its record type without a type argument. */
type KindOf<Kinds> = keyof Kinds & string;
type RecordOf<Kinds, K extends KindOf<Kinds>> = Kinds[K] extends ResourceBase ? Kinds[K] : never;

/**
 * The persistence interface of the engine. Resources of every kind live in one SQLite table, the
 * durable source of truth; the process is the only writer (the data directory is locked at start),
 * so each kind's parsed records are also held in memory — a write-through cache with an index by
 * id, lists in creation order per project, and indexes by attribute built on first use — and reads
 * never touch SQL or JSON. The other tables (addresses, members, flow logs, settings, disk contents)
 * are small repositories here too: no SQL is written outside `store/`.
 *
 * Every mutation runs in `transaction`, which is one SQLite transaction; when it throws, the
 * database rolls back and so does the memory. Change events are published only once it has
 * committed, so a subscriber never hears of a change that was rolled back.
 *
 * Records handed out are frozen: change one through `update`, never in place.
 */
export class ResourceStore<Kinds extends object = KindMap> {
  readonly ipAllocations: IpAllocationTable;
  readonly projectMembers: ProjectMemberTable;
  readonly flowLogs: FlowLogTable;
  readonly settings: SettingTable;
  readonly diskContents: DiskContentsTable;
  readonly activity: ActivityTable;
  private pendingEvents: ResourceEvent[] | null = null;
  /** How to put memory back as it was if the transaction rolls back, newest last. */
  private undoLog: (() => void)[] = [];
  private readonly sql: Statements;
  private readonly tables = new Map<string, KindTable>();

  constructor(
    /**
     * The SQLite handle, for the store layer's own tables only. Identity and the scheduler still
     * write their SQL through it until it moves to `store/identity-*.ts` and `store/scheduled-tasks.ts`.
     */
    readonly db: SqliteDatabase,
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {
    this.sql = new Statements(db);
    this.ipAllocations = new IpAllocationTable(this.sql, (undo) => this.onRollback(undo));
    this.projectMembers = new ProjectMemberTable(db);
    this.flowLogs = new FlowLogTable(db);
    this.settings = new SettingTable(db);
    this.diskContents = new DiskContentsTable(db);
    this.activity = new ActivityTable(db);
  }

  /**
   * Called before every insert, inside its transaction: a guard that throws refuses the row (the
   * quota guard counts resources of kinds no service checks itself).
   */
  readonly insertGuards: ((kind: string, fields: { projectId: string | null }) => void)[] = [];

  transaction<T>(work: () => T): T {
    if (this.pendingEvents) return work(); // joins the enclosing unit of work
    this.pendingEvents = [];
    this.undoLog = [];
    let events: ResourceEvent[] = [];
    try {
      const result = this.db.transaction(work)();
      events = this.pendingEvents;
      return result;
    } catch (error) {
      for (const undo of this.undoLog.reverse()) undo();
      throw error;
    } finally {
      this.pendingEvents = null;
      this.undoLog = [];
      for (const event of events) this.bus.publish(event);
    }
  }

  get<K extends KindOf<Kinds>>(kind: K, id: string): RecordOf<Kinds, K> | undefined;
  get<T extends ResourceBase>(kind: string, id: string): T | undefined;
  get(kind: string, id: string): ResourceBase | undefined {
    return this.table(kind).get(id);
  }

  /** Every record of the kind (or of the kind in one project), in creation order; a copy. */
  list<K extends KindOf<Kinds>>(kind: K, projectId?: string | null): RecordOf<Kinds, K>[];
  list<T extends ResourceBase>(kind: string, projectId?: string | null): T[];
  list(kind: string, projectId?: string | null): ResourceBase[] {
    return this.table(kind).view(projectId).slice();
  }

  /**
   * Like `list` without the copy: the store's own array, for paging a large list before mapping it.
   * Read it at once; it changes with the next write.
   */
  view<K extends KindOf<Kinds>>(kind: K, projectId?: string | null): readonly RecordOf<Kinds, K>[];
  view<T extends ResourceBase>(kind: string, projectId?: string | null): readonly T[];
  view(kind: string, projectId?: string | null): readonly ResourceBase[] {
    return this.table(kind).view(projectId);
  }

  count(kind: string, projectId: string | null): number {
    return this.table(kind).count(projectId);
  }

  /** Records whose attribute `field` equals `value` (an array attribute: contains it); indexed. */
  findBy<K extends KindOf<Kinds>>(kind: K, field: string, value: unknown): RecordOf<Kinds, K>[];
  findBy<T extends ResourceBase>(kind: string, field: string, value: unknown): T[];
  findBy(kind: string, field: string, value: unknown): ResourceBase[] {
    return [...this.table(kind).findBy(field, value)];
  }

  findOne<K extends KindOf<Kinds>>(kind: K, field: string, value: unknown): RecordOf<Kinds, K> | undefined;
  findOne<T extends ResourceBase>(kind: string, field: string, value: unknown): T | undefined;
  findOne(kind: string, field: string, value: unknown): ResourceBase | undefined {
    for (const record of this.table(kind).findBy(field, value)) return record;
    return undefined;
  }

  countBy(kind: string, field: string, value: unknown): number {
    return this.table(kind).countBy(field, value);
  }

  findByName<K extends KindOf<Kinds>>(kind: K, projectId: string | null, name: string): RecordOf<Kinds, K> | undefined;
  findByName<T extends ResourceBase>(kind: string, projectId: string | null, name: string): T | undefined;
  findByName(kind: string, projectId: string | null, name: string): ResourceBase | undefined {
    let first: ResourceBase | undefined;
    for (const record of this.table(kind).findBy('name', name)) {
      if (record.projectId === projectId && (!first || record.createdAt < first.createdAt)) first = record;
    }
    return first;
  }

  insert<K extends KindOf<Kinds>>(kind: K, fields: Omit<RecordOf<Kinds, K>, 'createdAt' | 'updatedAt'>): RecordOf<Kinds, K>;
  insert<T extends ResourceBase>(kind: string, fields: Omit<T, 'createdAt' | 'updatedAt'>): T;
  insert(kind: string, fields: Omit<ResourceBase, 'createdAt' | 'updatedAt'>): ResourceBase {
    this.assertInTransaction();
    for (const guard of this.insertGuards) guard(kind, fields);
    const table = this.table(kind);
    const now = this.clock.now();
    const draft: ResourceBase = { ...fields, createdAt: now, updatedAt: now };
    const data = attributesOf(draft);
    this.sql
      .get('INSERT INTO resources (id, kind, project_id, name, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(draft.id, kind, draft.projectId, draft.name, draft.status, data, now, now);
    const resource = fromParts(draft, data);
    this.write(table, undefined, resource);
    this.recordHistory(resource, `Created with status ${resource.status}`);
    this.emit(kind, resource, 'created');
    return resource;
  }

  /** Writes the changed fields; records a history line when the status moved. */
  update<K extends KindOf<Kinds>>(kind: K, current: RecordOf<Kinds, K>, changes: Partial<RecordOf<Kinds, K>>, note?: string): RecordOf<Kinds, K>;
  update<T extends ResourceBase>(kind: string, current: T, changes: Partial<T>, note?: string): T;
  update(kind: string, current: ResourceBase, changes: Partial<ResourceBase>, note?: string): ResourceBase {
    this.assertInTransaction();
    const table = this.table(kind);
    const draft: ResourceBase = { ...current, ...changes, updatedAt: this.clock.now() };
    const data = attributesOf(draft);
    this.sql
      .get('UPDATE resources SET name = ?, status = ?, data = ?, updated_at = ? WHERE kind = ? AND id = ?')
      .run(draft.name, draft.status, data, draft.updatedAt, kind, draft.id);
    const previous = table.get(draft.id);
    const next = previous ? fromParts({ ...draft, projectId: previous.projectId, createdAt: previous.createdAt }, data) : undefined;
    this.write(table, previous, next);
    if (draft.status !== current.status || note) {
      this.recordHistory(draft, note ?? `Status ${current.status} → ${draft.status}`);
    }
    this.emit(kind, draft, 'updated');
    return next ?? fromParts(draft, data);
  }

  delete(kind: string, resource: ResourceBase): void {
    this.assertInTransaction();
    const table = this.table(kind);
    this.sql.get('DELETE FROM resources WHERE kind = ? AND id = ?').run(kind, resource.id);
    const previous = table.get(resource.id);
    if (previous) this.write(table, previous, undefined);
    this.emit(kind, { ...resource, status: 'DELETED' }, 'deleted');
  }

  history(resourceId: string): { at: number; status: string | null; message: string }[] {
    return this.sql
      .get('SELECT at, status, message FROM resource_events WHERE resource_id = ? ORDER BY id')
      .all(resourceId) as { at: number; status: string | null; message: string }[];
  }

  /** Lets a module publish a change that is not a row of `resources` (a membership, an activation). */
  emit(
    kind: string,
    resource: { id: string; projectId: string | null; status: string | null; name?: unknown },
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
    if (typeof resource.name === 'string') event.name = resource.name;
    if (this.pendingEvents) this.pendingEvents.push(event);
    else this.bus.publish(event);
  }

  close(): void {
    this.db.close();
  }

  /** The kind's records in memory, read from the database once, on first use. */
  private table(kind: string): KindTable {
    let table = this.tables.get(kind);
    if (!table) {
      const rows = this.db.prepare('SELECT * FROM resources WHERE kind = ? ORDER BY created_at, id').all(kind) as ResourceRow[];
      table = new KindTable(rows.map(fromRow));
      this.tables.set(kind, table);
    }
    return table;
  }

  private write(table: KindTable, previous: ResourceBase | undefined, next: ResourceBase | undefined): void {
    table.put(previous, next);
    this.onRollback(() => table.put(next, previous));
  }

  private onRollback(undo: () => void): void {
    if (this.pendingEvents) this.undoLog.push(undo);
  }

  private recordHistory(resource: ResourceBase, message: string): void {
    this.sql
      .get('INSERT INTO resource_events (resource_id, at, status, message) VALUES (?, ?, ?, ?)')
      .run(resource.id, this.clock.now(), resource.status, message);
  }

  private assertInTransaction(): void {
    if (!this.pendingEvents) throw new Error('Resource writes must run inside store.transaction()');
  }
}

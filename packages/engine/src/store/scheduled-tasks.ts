import type { SqliteDatabase } from './database.ts';

/** One queued step of a long operation, as the scheduler reads it back. */
export interface ScheduledTask {
  id: number;
  /** Wall-clock milliseconds (already compressed by the speed setting). */
  dueAt: number;
  type: string;
  payload: Record<string, unknown>;
}

interface TaskRow {
  id: number;
  due_at: number;
  type: string;
  payload: string;
}

const toTask = (row: TaskRow): ScheduledTask => ({
  id: row.id,
  dueAt: row.due_at,
  type: row.type,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
});

/**
 * The `scheduled_tasks` table: the scheduler's queue, written in the same transaction as the change
 * that needs the step, so a process killed mid-operation finds it again. The scheduler sees only
 * this interface (and `transaction` for the unit of work), never SQL.
 */
export interface ScheduledTaskStore {
  add(dueAt: number, type: string, payload: Record<string, unknown>): void;
  /** The task due first (ties in the order they were queued). */
  next(): ScheduledTask | undefined;
  remove(id: number): void;
  /** Moves a task later, e.g. to retry a failed run after a back-off. */
  postpone(id: number, dueAt: number): void;
  ofType(type: string): ScheduledTask[];
  count(): number;
}

export class SqliteScheduledTasks implements ScheduledTaskStore {
  constructor(private readonly db: SqliteDatabase) {}

  add(dueAt: number, type: string, payload: Record<string, unknown>): void {
    this.db.prepare('INSERT INTO scheduled_tasks (due_at, type, payload) VALUES (?, ?, ?)').run(dueAt, type, JSON.stringify(payload));
  }

  next(): ScheduledTask | undefined {
    const row = this.db.prepare('SELECT * FROM scheduled_tasks ORDER BY due_at, id LIMIT 1').get() as TaskRow | undefined;
    return row ? toTask(row) : undefined;
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM scheduled_tasks WHERE id = ?').run(id);
  }

  postpone(id: number, dueAt: number): void {
    this.db.prepare('UPDATE scheduled_tasks SET due_at = ? WHERE id = ?').run(dueAt, id);
  }

  ofType(type: string): ScheduledTask[] {
    return (this.db.prepare('SELECT * FROM scheduled_tasks WHERE type = ? ORDER BY due_at, id').all(type) as TaskRow[]).map(toTask);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM scheduled_tasks').get() as { n: number }).n;
  }
}

/**
 * True for a failure of the database itself (disk full, locked by another process, I/O error), as
 * opposed to a failure of the work: such a step is worth retrying as it is once the store recovers.
 */
export function isStoreFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

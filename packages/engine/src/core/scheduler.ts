import type { Clock } from './clock.ts';
import { ManualClock } from './clock.ts';
import type { ResourceStore } from '../store/resource-store.ts';

export type TaskHandler = (payload: Record<string, unknown>) => void;

interface TaskRow {
  id: number;
  due_at: number;
  type: string;
  payload: string;
}

/**
 * Runs the later steps of long operations (an instance leaving BUILD, a health check firing).
 * Tasks live in the database, written in the same transaction as the change that needs them, so a
 * process killed mid-operation picks the step up again when it restarts.
 *
 * `speed` compresses simulated durations: at speed 10 a 5 s build takes half a second.
 */
export class Scheduler {
  private readonly handlers = new Map<string, TaskHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly store: ResourceStore,
    private readonly clock: Clock,
    private readonly speed: number,
  ) {}

  register(type: string, handler: TaskHandler): void {
    this.handlers.set(type, handler);
  }

  /** Queues `type` to run after `simulatedMs` of simulated time. Call inside a store transaction. */
  schedule(type: string, payload: Record<string, unknown>, simulatedMs: number): void {
    const dueAt = this.clock.now() + Math.round(simulatedMs / this.speed);
    this.store.db
      .prepare('INSERT INTO scheduled_tasks (due_at, type, payload) VALUES (?, ?, ?)')
      .run(dueAt, type, JSON.stringify(payload));
  }

  /** Removes queued tasks of a type whose payload matches, e.g. health checks of a deleted member. */
  cancel(type: string, matches: (payload: Record<string, unknown>) => boolean): void {
    const rows = this.store.db.prepare('SELECT * FROM scheduled_tasks WHERE type = ?').all(type) as TaskRow[];
    for (const row of rows) {
      if (matches(JSON.parse(row.payload) as Record<string, unknown>)) {
        this.store.db.prepare('DELETE FROM scheduled_tasks WHERE id = ?').run(row.id);
      }
    }
  }

  pendingCount(): number {
    return (this.store.db.prepare('SELECT COUNT(*) AS n FROM scheduled_tasks').get() as { n: number }).n;
  }

  /** Runs every task due by now, oldest first; each in its own transaction with its removal. */
  runDue(): number {
    if (this.running) return 0; // a handler that schedules work must not re-enter the loop
    this.running = true;
    let ran = 0;
    try {
      for (;;) {
        const task = this.nextTask();
        if (!task || task.due_at > this.clock.now()) break;
        this.execute(task);
        ran++;
      }
    } finally {
      this.running = false;
    }
    return ran;
  }

  /**
   * Manual-clock driver for tests: moves time forward task by task, so each task sees the clock at
   * its own due time and the steps it schedules run in the right order.
   */
  advance(ms: number): void {
    if (!(this.clock instanceof ManualClock)) throw new Error('advance() needs a ManualClock');
    const target = this.clock.now() + ms;
    for (;;) {
      const task = this.nextTask();
      if (!task || task.due_at > target) break;
      if (task.due_at > this.clock.now()) this.clock.set(task.due_at);
      this.execute(task);
    }
    this.clock.set(target);
  }

  start(intervalMs = 50): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.runDue(), intervalMs);
    this.timer.unref();
    this.runDue(); // resume whatever was due while the process was down
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private nextTask(): TaskRow | undefined {
    return this.store.db.prepare('SELECT * FROM scheduled_tasks ORDER BY due_at, id LIMIT 1').get() as
      | TaskRow
      | undefined;
  }

  private execute(task: TaskRow): void {
    const handler = this.handlers.get(task.type);
    try {
      this.store.transaction(() => {
        this.store.db.prepare('DELETE FROM scheduled_tasks WHERE id = ?').run(task.id);
        handler?.(JSON.parse(task.payload) as Record<string, unknown>);
      });
    } catch (error) {
      // A step that fails (its resource was deleted meanwhile) is dropped, not retried forever.
      this.store.transaction(() => this.store.db.prepare('DELETE FROM scheduled_tasks WHERE id = ?').run(task.id));
      console.warn(`[scheduler] task ${task.type} failed:`, (error as Error).message);
    }
  }
}

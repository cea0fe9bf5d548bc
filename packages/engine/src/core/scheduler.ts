import type { Clock } from './clock.ts';
import { ManualClock } from './clock.ts';
import { isStoreFailure, type ScheduledTask, type ScheduledTaskStore } from '../store/scheduled-tasks.ts';

export type TaskHandler = (payload: Record<string, unknown>) => void;
/** Runs in a fresh transaction after a handler threw and its writes were rolled back (e.g. record an error state). */
export type TaskFailureHandler = (payload: Record<string, unknown>, error: unknown) => void;

/** The unit of work the scheduler runs each task in (the resource store's transaction). */
export interface UnitOfWork {
  transaction<T>(work: () => T): T;
}

/** What the scheduler says when a task run fails: it is retried later, or given up. */
export interface TaskFailure {
  type: string;
  payload: Record<string, unknown>;
  /** How many runs of this task have failed in a row (1 for the first failure). */
  attempt: number;
  message: string;
  /** The store's error code (`SQLITE_FULL`, `SQLITE_BUSY`…) when the database itself failed. */
  code: string | null;
  /** `handled`: the task's failure handler recorded it (its resource is in an error state). */
  outcome: 'retry' | 'dropped' | 'handled';
  /** When the retry is due (clock ms); null when dropped. */
  retryAt: number | null;
}

export type TaskFailureListener = (failure: TaskFailure) => void;

/** Back-off of a failed run: 250 ms, doubling, at most 10 s (wall time: the store recovers in real time). */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;
/**
 * A task whose own work keeps failing is given up after this many runs (its resource is gone, or its
 * code is broken). A failing store is never a reason to give up: the step runs once the store is back.
 */
const MAX_ATTEMPTS = 5;

export const retryDelay = (attempt: number): number => Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), MAX_RETRY_MS);

/**
 * Runs the later steps of long operations (an instance leaving BUILD, a health check firing).
 * Tasks live in the database, written in the same transaction as the change that needs them, so a
 * process killed mid-operation picks the step up again when it restarts.
 *
 * A run that throws never escapes (the timer path must not take the process down): the task stays
 * queued and is retried with back-off, and each failure is reported to `onFailure` listeners. When
 * the store itself fails (disk full, database locked) the whole queue waits out the back-off.
 *
 * `speed` compresses simulated durations: at speed 10 a 5 s build takes half a second.
 */
export class Scheduler {
  private readonly handlers = new Map<string, TaskHandler>();
  private readonly failureHandlers = new Map<string, TaskFailureHandler>();
  private readonly failureListeners = new Set<TaskFailureListener>();
  /** Failed runs in a row, per task id (in memory: a restart gives every task a fresh start). */
  private readonly attempts = new Map<number, number>();
  /** While the store is failing, nothing runs before this time. */
  private pausedUntil = 0;
  private storeFailures = 0;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly work: UnitOfWork,
    private readonly tasks: ScheduledTaskStore,
    private readonly clock: Clock,
    private readonly speed: number,
  ) {}

  /**
   * `onFailure` (optional) handles a failure of the work itself: it runs, with the task's removal,
   * after the handler's writes were rolled back. A failing store is retried instead.
   */
  register(type: string, handler: TaskHandler, onFailure?: TaskFailureHandler): void {
    this.handlers.set(type, handler);
    if (onFailure) this.failureHandlers.set(type, onFailure);
  }

  /** Hears every failed run (the app logs them); returns the way to stop listening. */
  onFailure(listener: TaskFailureListener): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /** Queues `type` to run after `simulatedMs` of simulated time. Call inside a store transaction. */
  schedule(type: string, payload: Record<string, unknown>, simulatedMs: number): void {
    this.tasks.add(this.clock.now() + Math.round(simulatedMs / this.speed), type, payload);
  }

  /** Removes queued tasks of a type whose payload matches, e.g. health checks of a deleted member. */
  cancel(type: string, matches: (payload: Record<string, unknown>) => boolean): void {
    for (const task of this.tasks.ofType(type)) if (matches(task.payload)) this.tasks.remove(task.id);
  }

  pendingCount(): number {
    return this.tasks.count();
  }

  /** Runs every task due by now, oldest first; each in its own transaction with its removal. Never throws. */
  runDue(): number {
    if (this.running) return 0; // a handler that schedules work must not re-enter the loop
    this.running = true;
    let ran = 0;
    try {
      while (this.clock.now() >= this.pausedUntil) {
        const task = this.peek();
        if (!task || task.dueAt > this.clock.now()) break;
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
      const task = this.peek();
      if (!task) break;
      const at = Math.max(task.dueAt, this.pausedUntil);
      if (at > target) break;
      if (at > this.clock.now()) this.clock.set(at);
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

  /** The next task, or nothing when the queue cannot be read now (then the queue waits). */
  private peek(): ScheduledTask | undefined {
    try {
      return this.tasks.next();
    } catch (error) {
      this.pause(error, { type: '(queue)', payload: {} });
      return undefined;
    }
  }

  private execute(task: ScheduledTask): void {
    const handler = this.handlers.get(task.type);
    try {
      this.work.transaction(() => {
        this.tasks.remove(task.id);
        handler?.(task.payload);
      });
      this.attempts.delete(task.id);
      this.storeFailures = 0;
    } catch (error) {
      const onFailure = this.failureHandlers.get(task.type);
      if (onFailure && !isStoreFailure(error)) {
        try {
          this.work.transaction(() => {
            this.tasks.remove(task.id);
            onFailure(task.payload, error);
          });
          const attempt = (this.attempts.get(task.id) ?? 0) + 1;
          this.attempts.delete(task.id);
          this.report(task, error, attempt, null, 'handled');
          return;
        } catch (unhandled) {
          this.failed(task, unhandled);
          return;
        }
      }
      this.failed(task, error);
    }
  }

  private failed(task: ScheduledTask, error: unknown): void {
    const attempt = (this.attempts.get(task.id) ?? 0) + 1;
    const store = isStoreFailure(error);
    if (!store && attempt >= MAX_ATTEMPTS) {
      this.attempts.delete(task.id);
      try {
        this.work.transaction(() => this.tasks.remove(task.id));
        this.report(task, error, attempt, null);
      } catch (removal) {
        this.pause(removal, task); // cannot even drop it: try again once the store is back
      }
      return;
    }
    this.attempts.set(task.id, attempt);
    const retryAt = this.clock.now() + retryDelay(attempt);
    try {
      this.work.transaction(() => this.tasks.postpone(task.id, retryAt));
    } catch {
      // The store refuses writes: hold the whole queue back instead (in memory).
      this.pausedUntil = Math.max(this.pausedUntil, retryAt);
    }
    if (store) this.pausedUntil = Math.max(this.pausedUntil, retryAt); // the others would fail alike
    this.report(task, error, attempt, retryAt);
  }

  /** The store failed outside a task run: nothing runs until the back-off has passed. */
  private pause(error: unknown, task: Pick<ScheduledTask, 'type' | 'payload'>): void {
    this.storeFailures++;
    this.pausedUntil = this.clock.now() + retryDelay(this.storeFailures);
    this.report(task, error, this.storeFailures, this.pausedUntil);
  }

  private report(
    task: Pick<ScheduledTask, 'type' | 'payload'>,
    error: unknown,
    attempt: number,
    retryAt: number | null,
    outcome: TaskFailure['outcome'] = retryAt === null ? 'dropped' : 'retry',
  ): void {
    const failure: TaskFailure = {
      type: task.type,
      payload: task.payload,
      attempt,
      message: error instanceof Error ? error.message : String(error),
      code: isStoreFailure(error) ? String((error as { code: string }).code) : null,
      outcome,
      retryAt,
    };
    if (this.failureListeners.size === 0) {
      const next = retryAt === null ? outcome : `retry in ${retryAt - this.clock.now()} ms`;
      console.warn(`[scheduler] task ${failure.type} failed (attempt ${attempt}, ${next}): ${failure.message}`);
    }
    for (const listener of this.failureListeners) {
      try {
        listener(failure);
      } catch {
        // A broken listener must not break the scheduler.
      }
    }
  }
}

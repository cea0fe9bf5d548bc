import type { Clock } from '../core/clock.ts';
import type { EventBus, ResourceEvent } from '../core/events.ts';
import type { LifecycleObserver } from '../core/lifecycle-runner.ts';
import type { ActivityFilter, ActivityRow } from '../store/activity-table.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { currentRequest, type RequestContext } from './activity-context.ts';

export type { ActivityRow, ActivityFilter };

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long lines are kept (the issue asks for at least 30 days). */
export const ACTIVITY_RETENTION_MS = 30 * DAY_MS;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Lines kept for a later write while the store refuses writes. */
const MAX_PENDING = 10_000;

const ACTION_OF_CHANGE: Record<ResourceEvent['change'], string> = { created: 'create', updated: 'update', deleted: 'delete' };

/** Event kinds that are not changes someone asked for (live notices of the guests and the traffic module). */
const NOT_CHANGES = new Set(['guest', 'guest-listener', 'traffic']);

/**
 * The activity log: every change made through an adapter, by whom, on what, and how it ended.
 *
 * Recorded in one place, from two sources: the engine's events (each resource created, changed or
 * deleted while a request's context is open, see `activity-context.ts`) and the lifecycle runner
 * (an action started in the request is written `accepted` under its own name — `stop`, `resize` —
 * and marked `done` or `failed` with the reason when its last step lands). A request that changed
 * nothing and failed is written by the adapter (`failed`, with the error's message). Lines are
 * kept `ACTIVITY_RETENTION_MS` and pruned at start and then hourly as lines are written.
 */
export class ActivityLog implements LifecycleObserver {
  private lastPrune = Number.NEGATIVE_INFINITY;
  /** Lines not yet written: a request's lines go in one transaction, after the events of its change. */
  private pending: Omit<ActivityRow, 'id'>[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: ResourceStore,
    private readonly clock: Clock,
    events: EventBus,
  ) {
    events.subscribe((event) => this.changed(event));
    this.prune();
  }

  /** Prunes hourly on the wall clock too (a quiet server writes no lines that would prune). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      try {
        this.prune();
      } catch {
        // A store that cannot write now prunes at the next hour.
      }
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }

  started(kind: string, resource: { id: string }, action: string): void {
    currentRequest()?.actions.set(`${kind}:${resource.id}`, action);
  }

  settled(_kind: string, resource: { id: string }, action: string, failure?: string): void {
    this.flush();
    this.store.activity.settle(resource.id, action, failure === undefined ? 'done' : 'failed', failure ?? null, this.clock.now());
  }

  /** A request that failed without changing anything: one `failed` line naming what was asked. */
  failed(context: RequestContext, what: { projectId: string | null; action: string; resourceKind: string; resourceId: string | null; reason: string }): void {
    const actor = context.actor();
    if (!actor || context.recorded.size > 0) return;
    const now = this.clock.now();
    this.append(context, {
      at: now,
      projectId: what.projectId,
      userId: actor.id,
      userName: actor.name,
      action: what.action,
      resourceKind: what.resourceKind,
      resourceId: what.resourceId,
      resourceName: what.resourceId ? (this.nameOf(what.resourceKind, what.resourceId) ?? null) : null,
      result: 'failed',
      reason: what.reason,
      requestId: context.requestId,
      source: context.source,
      finishedAt: now,
    });
  }

  page(filter: ActivityFilter, limit: number, offset: number): { items: ActivityRow[]; total: number } {
    this.flush();
    return this.store.activity.page(filter, limit, offset);
  }

  /** Deletes lines older than the retention; runs at start and hourly. */
  prune(): number {
    this.lastPrune = this.clock.now();
    return this.store.activity.prune(this.lastPrune - ACTIVITY_RETENTION_MS);
  }

  private changed(event: ResourceEvent): void {
    const context = currentRequest();
    if (!context || NOT_CHANGES.has(event.kind)) return;
    const key = `${event.kind}:${event.id}`;
    if (context.recorded.has(key)) return;
    const actor = context.actor();
    if (!actor) return;
    const action = context.actions.get(key);
    this.append(context, {
      at: event.at,
      projectId: event.projectId,
      userId: actor.id,
      userName: actor.name,
      action: action ?? ACTION_OF_CHANGE[event.change],
      resourceKind: event.kind,
      resourceId: event.id,
      resourceName: event.name ?? null,
      result: action ? 'accepted' : 'done',
      reason: null,
      requestId: context.requestId,
      source: context.source,
      finishedAt: action ? null : event.at,
    }, key);
  }

  private append(context: RequestContext, row: Omit<ActivityRow, 'id'>, key = `${row.resourceKind}:${row.resourceId ?? ''}`): void {
    context.recorded.add(key);
    if (this.pending.push(row) === 1) queueMicrotask(() => this.flushQuietly());
  }

  /** From the microtask: a store that cannot write now (full disk) keeps the lines for the next flush. */
  private flushQuietly(): void {
    const rows = this.pending;
    try {
      this.flush();
    } catch {
      this.pending = [...rows, ...this.pending].slice(-MAX_PENDING);
    }
  }

  /** Writes the pending lines (also before a read or a settle, so neither misses a line). */
  flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.store.activity.append(rows);
    if (this.clock.now() - this.lastPrune >= PRUNE_EVERY_MS) this.prune();
  }

  private nameOf(kind: string, id: string): string | undefined {
    return this.store.get<{ id: string; name: string; projectId: string | null; status: string; createdAt: number; updatedAt: number }>(kind, id)?.name;
  }
}

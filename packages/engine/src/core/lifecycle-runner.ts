import { actionWords, isRun, offeredActions, type Lifecycle, type LifecycleRun, type LifecycleState } from '@sandcloud/domain';
import type { ResourceBase, ResourceStore } from '../store/resource-store.ts';
import type { Scheduler } from './scheduler.ts';
import { InvalidTransitionError } from './state-machine.ts';

/** The one scheduled task type of every lifecycle: "step `step` of `action` on `kind` `id` is done". */
const STEP_DONE = 'lifecycle.step';

interface StepPayload {
  kind: string;
  id: string;
  action: string;
  step: number;
}

/**
 * Task types written by the services before the lifecycle runner (a data directory upgraded with a
 * step in flight): each is the end of one step of one action, with `{ id }` as its payload.
 */
const LEGACY_TASKS: Record<string, Omit<StepPayload, 'id'> | readonly Omit<StepPayload, 'id'>[]> = {
  'instance.build-complete': { kind: 'instance', action: 'create', step: 0 },
  'instance.stop-complete': { kind: 'instance', action: 'stop', step: 0 },
  'instance.start-complete': { kind: 'instance', action: 'start', step: 0 },
  'instance.reboot-complete': { kind: 'instance', action: 'reboot', step: 0 },
  'instance.delete-complete': { kind: 'instance', action: 'delete', step: 0 },
  'volume.create-complete': { kind: 'volume', action: 'create', step: 0 },
  'volume.attach-complete': { kind: 'volume', action: 'attach', step: 0 },
  'volume.detach-complete': { kind: 'volume', action: 'detach', step: 0 },
  'volume.extend-complete': { kind: 'volume', action: 'extend', step: 0 },
  'volume.delete-complete': { kind: 'volume', action: 'delete', step: 0 },
  'volume-snapshot.create-complete': { kind: 'volume-snapshot', action: 'create', step: 0 },
  'volume-snapshot.delete-complete': { kind: 'volume-snapshot', action: 'delete', step: 0 },
  'image.capture-saving': { kind: 'image', action: 'capture', step: 0 },
  'image.capture-complete': { kind: 'image', action: 'capture', step: 1 },
  // One task type ended both a create and an update: the step that matches the load balancer's state runs.
  'load-balancer.provisioned': [
    { kind: 'load-balancer', action: 'create', step: 0 },
    { kind: 'load-balancer', action: 'update', step: 0 },
  ],
  'load-balancer.delete-complete': { kind: 'load-balancer', action: 'delete', step: 0 },
};

/** How an action's task ended: extra changes written with the to-state, and which to-state. */
export interface LifecycleOutcome<R> {
  changes?: Partial<R>;
  /** Index into the row's `to` states (for a row with several); 0 otherwise. */
  to?: number;
  /** The history line (default: "Status A → B"). */
  note?: string;
}

/** The code of one action: what it does besides moving through its states. All parts optional. */
export interface LifecycleTask<R> {
  /** When the action is accepted, after its first state is written (e.g. cut a guest's power). */
  begin?(resource: R): void;
  /**
   * When the last step's time is up, before the to-state is written (plug a disk in, free a port).
   * Throwing rolls the task's writes back and lands the resource on the row's error state.
   */
  complete?(resource: R): LifecycleOutcome<R> | void;
  /**
   * When the task threw, before the error state is written: extra changes written with it (a
   * reason the user reads) and the history line (default: "<action> failed: <message>").
   */
  failure?(resource: R, error: unknown): Omit<LifecycleOutcome<R>, 'to'> | void;
  /** After a failure was recorded: what must happen anyway (end another resource's task). */
  failed?(resource: R, error: unknown): void;
}

/** Binds a lifecycle table to a store kind and the code of its actions. */
export interface LifecycleSpec<R extends ResourceBase, A extends string> {
  /** The store kind (`instance`, `volume`…). */
  kind: string;
  lifecycle: Lifecycle<string, LifecycleState, A>;
  tasks?: { [K in A]?: LifecycleTask<R> };
  /** Something in flight that blocks every action (an instance's task state), shown in the 409. */
  busy?(resource: R): string | null;
  /** After every state the runner writes (the guest boots on ACTIVE and halts when leaving it). */
  changed?(resource: R): void;
}

/**
 * Executes lifecycle tables (`@sandcloud/domain` `lifecycles/`): validates an action against the
 * table (the 409 "Cannot stop instance web while it is SHUTOFF" comes from it), writes the
 * transitional state and schedules the step's end in the same transaction, then on each step's end
 * writes the next state, or runs the action's task and lands on the to-state — or on the error
 * state when the task throws. Every write goes through the store, so events follow commits; steps
 * are scheduled tasks, so they resume after a restart. A step whose resource has moved on (deleted,
 * or taken over by another action) is a no-op.
 */
/** Told when an action starts and when it ends (the activity log marks the request done or failed). */
export interface LifecycleObserver {
  started(kind: string, resource: ResourceBase, action: string): void;
  /** `failure` is the reason when the action landed on its error state. */
  settled(kind: string, resource: ResourceBase, action: string, failure?: string): void;
}

export class LifecycleRunner {
  private readonly machines = new Map<string, LifecycleMachine<ResourceBase, string>>();
  readonly observers: LifecycleObserver[] = [];

  constructor(
    private readonly store: ResourceStore,
    private readonly scheduler: Scheduler,
  ) {
    scheduler.register(STEP_DONE, (payload) => this.stepDone(payload as unknown as StepPayload), (payload, error) =>
      this.stepFailed(payload as unknown as StepPayload, error),
    );
    for (const [type, legacy] of Object.entries(LEGACY_TASKS)) {
      const steps = Array.isArray(legacy) ? legacy : [legacy as Omit<StepPayload, 'id'>];
      scheduler.register(
        type,
        ({ id }) => steps.forEach((step) => this.stepDone({ ...step, id: String(id) })),
        ({ id }, error) => steps.forEach((step) => this.stepFailed({ ...step, id: String(id) }, error)),
      );
    }
  }

  define<R extends ResourceBase, A extends string>(spec: LifecycleSpec<R, A>): LifecycleMachine<R, A> {
    const machine = new LifecycleMachine<R, A>(this.store, this.scheduler, spec, this.observers);
    this.machines.set(spec.kind, machine as unknown as LifecycleMachine<ResourceBase, string>);
    return machine;
  }

  private stepDone({ kind, id, action, step }: StepPayload): void {
    this.machines.get(kind)?.stepDone(id, action, step);
  }

  private stepFailed({ kind, id, action, step }: StepPayload, error: unknown): void {
    this.machines.get(kind)?.stepFailed(id, action, step, error);
  }
}

/** One resource kind's lifecycle, bound to its store kind and task functions. Services call this. */
export class LifecycleMachine<R extends ResourceBase, A extends string> {
  constructor(
    private readonly store: ResourceStore,
    private readonly scheduler: Scheduler,
    private readonly spec: LifecycleSpec<R, A>,
    private readonly observers: readonly LifecycleObserver[] = [],
  ) {}

  /** The actions the resource offers now (for menus): the table allows them and nothing is in flight. */
  allowed(resource: R): A[] {
    return this.spec.busy?.(resource) ? [] : offeredActions(this.spec.lifecycle, resource.status);
  }

  can(resource: R, action: A): boolean {
    return this.allowed(resource).includes(action);
  }

  /** Throws the 409 the table implies when `action` may not start from the resource's state. */
  assert(resource: R, action: A): void {
    const words = actionWords(action);
    const busy = this.spec.busy?.(resource);
    if (busy) throw new InvalidTransitionError(this.spec.lifecycle.noun, resource.name, words, busy);
    const from = this.spec.lifecycle.actions[action].from;
    if (from === 'new' || !from.includes(resource.status)) {
      throw new InvalidTransitionError(this.spec.lifecycle.noun, resource.name, words, resource.status);
    }
  }

  /** Inserts a resource in the first state of its creating action and schedules the rest. */
  create(action: A, fields: Omit<R, 'createdAt' | 'updatedAt'>): R {
    const row = this.run(action);
    return this.store.transaction(() => {
      const created = this.store.insert<R>(this.spec.kind, { ...fields, ...row.steps[0].state } as Omit<R, 'createdAt' | 'updatedAt'>);
      return this.started(created, action, row);
    });
  }

  /**
   * Starts `action` on the resource: checks the table, writes the first transitional state (with
   * `changes`, e.g. the attachment an attach reserves) and schedules its end, in one transaction.
   */
  begin(resource: R, action: A, changes: Partial<R> = {}, note?: string): R {
    return this.store.transaction(() => {
      this.assert(resource, action);
      return this.beginBySystem(resource, action, changes, note);
    });
  }

  /**
   * Starts `action` without the table's check: the system, not a user, moves the resource (a load
   * balancer reconfigures when a member's instance is deleted). The caller knows the state fits.
   */
  beginBySystem(resource: R, action: A, changes: Partial<R> = {}, note?: string): R {
    const row = this.run(action);
    return this.store.transaction(() => {
      const updated = this.store.update<R>(this.spec.kind, resource, { ...changes, ...row.steps[0].state } as Partial<R>, note ?? `${actionWords(action)} requested`);
      return this.started(updated, action, row);
    });
  }

  /** A step's time is up (called by the scheduler, inside its transaction). */
  stepDone(id: string, action: string, step: number): void {
    const row = this.rowAt(id, action, step);
    if (!row) return;
    const { resource, run } = row;
    const next = run.steps[step + 1];
    if (next) {
      const updated = this.store.update<R>(this.spec.kind, resource, next.state as Partial<R>);
      this.schedule(updated, action, step + 1, next.ms);
      this.spec.changed?.(updated);
      return;
    }
    const outcome = this.task(action)?.complete?.(resource) ?? {};
    const current = this.store.get<R>(this.spec.kind, id); // the task may have written it (saved content)
    if (!current) return;
    if (run.to === 'deleted') {
      this.store.delete(this.spec.kind, current);
      for (const observer of this.observers) observer.settled(this.spec.kind, current, action);
      return;
    }
    const target = run.to[outcome.to ?? 0];
    if (!target) throw new Error(`${this.spec.kind} ${action} has no to-state ${outcome.to}`);
    const updated = this.store.update<R>(this.spec.kind, current, { ...outcome.changes, ...target } as Partial<R>, outcome.note);
    for (const observer of this.observers) observer.settled(this.spec.kind, updated, action);
    this.spec.changed?.(updated);
  }

  /** The step's task threw and its writes were rolled back: record the error state (a new transaction). */
  stepFailed(id: string, action: string, step: number, error: unknown): void {
    const row = this.rowAt(id, action, step);
    if (!row) return;
    const message = error instanceof Error ? error.message : String(error);
    const outcome = this.task(action)?.failure?.(row.resource, error) ?? {};
    const updated = this.store.update<R>(
      this.spec.kind,
      row.resource,
      { ...outcome.changes, ...row.run.error } as Partial<R>,
      outcome.note ?? `${actionWords(action)} failed: ${message}`,
    );
    this.task(action)?.failed?.(updated, error);
    for (const observer of this.observers) observer.settled(this.spec.kind, updated, action, message);
    this.spec.changed?.(updated);
  }

  private started(resource: R, action: A, row: LifecycleRun<string, LifecycleState>): R {
    this.schedule(resource, action, 0, row.steps[0].ms);
    for (const observer of this.observers) observer.started(this.spec.kind, resource, action);
    this.task(action)?.begin?.(resource);
    this.spec.changed?.(resource);
    return resource;
  }

  private schedule(resource: R, action: string, step: number, ms: number): void {
    const payload: StepPayload = { kind: this.spec.kind, id: resource.id, action, step };
    this.scheduler.schedule(STEP_DONE, { ...payload }, ms);
  }

  /** The resource and row of a finished step, if the resource is still where that step left it. */
  private rowAt(id: string, action: string, step: number): { resource: R; run: LifecycleRun<string, LifecycleState> } | undefined {
    const row = (this.spec.lifecycle.actions as Record<string, (typeof this.spec.lifecycle.actions)[A] | undefined>)[action];
    if (!row || !isRun(row)) return undefined;
    const state = row.steps[step]?.state;
    const resource = this.store.get<R>(this.spec.kind, id);
    if (!state || !resource || !inState(resource, state)) return undefined;
    return { resource, run: row };
  }

  private run(action: A): LifecycleRun<string, LifecycleState> {
    const row = this.spec.lifecycle.actions[action];
    if (!isRun(row)) throw new Error(`${this.spec.kind} ${action} is a guard, not a lifecycle run`);
    return row;
  }

  private task(action: string): LifecycleTask<R> | undefined {
    return (this.spec.tasks as Record<string, LifecycleTask<R> | undefined> | undefined)?.[action];
  }
}

/** True when every field the state sets has that value on the resource. */
function inState(resource: ResourceBase, state: LifecycleState): boolean {
  const fields = resource as unknown as Record<string, unknown>;
  return Object.entries(state).every(([key, value]) => (fields[key] ?? null) === (value ?? null));
}

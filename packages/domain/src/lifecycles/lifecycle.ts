// The shape of a lifecycle table: what each action of a resource kind is called, which statuses it
// may start from, the transitional state(s) it holds while its simulated work runs, and where it
// ends (or fails). Pure data: the engine's lifecycle runner executes it, the console and any other
// adapter may read it (which actions a status offers) without knowing how it is run.

/**
 * A state of a resource as the lifecycle writes it: the fields it sets. For most kinds that is only
 * `status`; Nova servers also carry a task state and a power state.
 */
export type LifecycleState = Readonly<Record<string, string | null | undefined>>;

/** One transitional step: the state held, and for how long in simulated time. */
export interface LifecycleStep<State extends LifecycleState> {
  readonly state: State;
  /** Simulated duration (ms) before the next step, or the end, is reached. */
  readonly ms: number;
}

/** An action that only checks the status (its work happens elsewhere, or at once). */
export interface LifecycleGuard<Status extends string> {
  /** Statuses the action may start from. */
  readonly from: readonly Status[];
}

/** An action that runs over simulated time: from → steps… → to (or error). */
export interface LifecycleRun<Status extends string, State extends LifecycleState> {
  /** Statuses the action may start from; `'new'` for the action that creates the resource. */
  readonly from: readonly Status[] | 'new';
  /** The transitional states, in order; the first is written when the action is accepted. */
  readonly steps: readonly [LifecycleStep<State>, ...LifecycleStep<State>[]];
  /**
   * Where the action ends. With more than one, the task function picks (an extend returns a volume
   * to `in-use` or `available`, depending on whether it is still attached); the first otherwise.
   * `'deleted'` removes the resource.
   */
  readonly to: readonly [State, ...State[]] | 'deleted';
  /** Where the resource is left when the action's task fails. */
  readonly error: State;
}

export type LifecycleRow<Status extends string, State extends LifecycleState> = LifecycleGuard<Status> | LifecycleRun<Status, State>;

/** One resource kind's lifecycle: its actions, in the order menus list them. */
export interface Lifecycle<Status extends string, State extends LifecycleState, Action extends string> {
  /** The resource kind as messages name it ("Cannot stop instance web while it is SHUTOFF"). */
  readonly noun: string;
  readonly actions: { readonly [A in Action]: LifecycleRow<Status, State> };
}

export function isRun<Status extends string, State extends LifecycleState>(row: LifecycleRow<Status, State>): row is LifecycleRun<Status, State> {
  return 'steps' in row;
}

/** The actions a resource in `status` offers, in the table's order (creation is never offered). */
export function offeredActions<Status extends string, Action extends string>(
  lifecycle: Lifecycle<Status, LifecycleState, Action>,
  status: Status,
): Action[] {
  return (Object.keys(lifecycle.actions) as Action[]).filter((action) => {
    const from = lifecycle.actions[action].from;
    return from !== 'new' && from.includes(status);
  });
}

/** An action's name as a message says it: `hard-reboot` → "hard reboot", `create_image` → "create image". */
export const actionWords = (action: string): string => action.replace(/[-_]/g, ' ');

import { actionWords, type Lifecycle, type LifecycleState } from '@sandcloud/domain';
import { EngineError } from './errors.ts';

/**
 * A resource's allowed actions, each with the states it may start from. Guarding every status change
 * through one table keeps "what can happen when" in one readable place per resource kind.
 */
export type TransitionTable<Status extends string, Action extends string> = Record<
  Action,
  { from: readonly Status[] }
>;

export class InvalidTransitionError extends EngineError {
  constructor(kind: string, name: string, action: string, status: string) {
    super('CONFLICT', `Cannot ${action} ${kind} ${name} while it is ${status}`);
    this.name = 'InvalidTransitionError';
    this.coded('lifecycle.invalidState', { kind, name, action, status });
  }
}

export function canTransition<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  action: A,
  status: S,
): boolean {
  return table[action].from.includes(status);
}

export function assertTransition<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  kind: string,
  resource: { name: string; status: S },
  action: A,
): void {
  if (!canTransition(table, action, resource.status)) {
    throw new InvalidTransitionError(kind, resource.name, actionWords(action), resource.status);
  }
}

/** The actions a resource in `status` offers, for menus that disable the rest. */
export function allowedActions<S extends string, A extends string>(table: TransitionTable<S, A>, status: S): A[] {
  return (Object.keys(table) as A[]).filter((action) => table[action].from.includes(status));
}

/**
 * A lifecycle table's guards as a transition table (the actions a status allows), without the
 * creating action. For code that only asks "may this start now?" of a resource kind.
 */
export function transitionsOf<S extends string, A extends string>(lifecycle: Lifecycle<S, LifecycleState, A | 'create'>): TransitionTable<S, A> {
  const table: Partial<Record<A, { from: readonly S[] }>> = {};
  for (const [action, row] of Object.entries(lifecycle.actions) as [A | 'create', { from: readonly S[] | 'new' }][]) {
    if (row.from !== 'new') table[action as A] = { from: row.from };
  }
  return table as TransitionTable<S, A>;
}

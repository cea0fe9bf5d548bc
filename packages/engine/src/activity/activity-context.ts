import { AsyncLocalStorage } from 'node:async_hooks';

/** Who asks: the signed-in user of the console, or the user of an OpenStack token. */
export interface ActivityActor {
  id: string;
  name: string;
}

/**
 * What an adapter knows about the request being served: its id, which API it came through, and
 * who asks (a function, since the user is known only once the adapter has checked the session or
 * token, after the context was opened).
 */
export interface RequestInfo {
  requestId: string | null;
  /** `console`, or the OpenStack service (`compute`, `network`, `volume`…). */
  source: string;
  actor: () => ActivityActor | undefined;
  /** Whether who asks is an administrator (Nova lets one act on a locked server); absent: not. */
  admin?: () => boolean;
}

/** A request's context while it runs: what it has written to the log so far. */
export interface RequestContext extends RequestInfo {
  /** `kind:id` of every resource this request has a log line for. */
  readonly recorded: Set<string>;
  /** `kind:id` → the lifecycle action started on it in this request (written when its event comes). */
  readonly actions: Map<string, string>;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (and everything it starts asynchronously) inside the request's context. */
export function runInRequest<T>(info: RequestInfo, work: () => T): T {
  return storage.run({ ...info, recorded: new Set(), actions: new Map() }, work);
}

/** The context of the request being served, if any (none for the scheduler's own steps). */
export const currentRequest = (): RequestContext | undefined => storage.getStore();

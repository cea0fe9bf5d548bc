/**
 * Unix signals as the simulated processes see them. A process is interrupted
 * by aborting its AbortController with a signal name as the reason; blocking
 * primitives (stdin reads, sleeps, host calls) then reject with `Interrupted`.
 */
export type SignalName = 'SIGHUP' | 'SIGINT' | 'SIGKILL' | 'SIGPIPE' | 'SIGTERM';

const SIGNAL_NUMBERS: Record<SignalName, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGKILL: 9,
  SIGPIPE: 13,
  SIGTERM: 15,
};

/** Shell exit status of a process killed by `signal` (128 + n, as bash reports it). */
export function exitCodeForSignal(signal: SignalName): number {
  return 128 + SIGNAL_NUMBERS[signal];
}

export function parseSignal(spec: string): SignalName | undefined {
  const upper = spec.toUpperCase();
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    return (Object.keys(SIGNAL_NUMBERS) as SignalName[]).find((name) => SIGNAL_NUMBERS[name] === n);
  }
  const name = (upper.startsWith('SIG') ? upper : `SIG${upper}`) as SignalName;
  return name in SIGNAL_NUMBERS ? name : undefined;
}

/** Thrown by blocking operations when the process receives a signal. */
export class Interrupted extends Error {
  constructor(readonly signal: SignalName) {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
  }
}

export function signalOf(abort: AbortSignal): SignalName {
  const reason: unknown = abort.reason;
  return typeof reason === 'string' && reason in SIGNAL_NUMBERS ? (reason as SignalName) : 'SIGTERM';
}

/** Sends `signal` to a process (or process group). */
export function sendSignal(controller: AbortController, signal: SignalName): void {
  if (!controller.signal.aborted) controller.abort(signal);
}

/** A child controller that is aborted (with the same signal) when `parent` is. */
export function childController(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) {
    child.abort(parent.reason);
    return child;
  }
  const forward = (): void => child.abort(parent.reason);
  parent.addEventListener('abort', forward, { once: true });
  child.signal.addEventListener('abort', () => parent.removeEventListener('abort', forward), { once: true });
  return child;
}

/** Rejects with `Interrupted` as soon as `abort` fires; otherwise settles like `promise`. */
export function interruptible<T>(promise: Promise<T>, abort: AbortSignal): Promise<T> {
  if (abort.aborted) return Promise.reject(new Interrupted(signalOf(abort)));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Interrupted(signalOf(abort)));
    abort.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        abort.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        abort.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Where one blocked reader (a pipe's, a terminal's) sleeps: `wait` resolves at the next `wake()`
 * (data or EOF arrived) or when `abort` fires, whichever comes first; the reader then looks again.
 */
export class ReaderWakeup {
  private waiter: (() => void) | null = null;

  wait(abort: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const onAbort = (): void => {
        this.waiter = null;
        resolve();
      };
      abort.addEventListener('abort', onAbort, { once: true });
      this.waiter = () => {
        abort.removeEventListener('abort', onAbort);
        resolve();
      };
    });
  }

  wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}

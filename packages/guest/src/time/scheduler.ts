import type { Clock } from './clock.ts';
import { Interrupted, signalOf } from './signals.ts';

interface Timer {
  id: number;
  dueAt: number;
  fire: () => void;
}

/**
 * Timers driven by `tick()` instead of the host's event loop: the engine (or
 * a test) advances its clock and calls `tick()`, and every timer that is due
 * fires in due-time order. `sleep 5`, ping intervals, `shutdown +1` and the
 * write-back of dirty filesystems all go through here.
 */
export class Scheduler {
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(private readonly clock: Clock) {}

  now(): number {
    return this.clock.now();
  }

  /** Runs `fire` once the clock reaches now + delayMs. Returns a cancel function. */
  after(delayMs: number, fire: () => void): () => void {
    const timer: Timer = { id: this.nextId++, dueAt: this.clock.now() + Math.max(0, delayMs), fire };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t.id !== timer.id);
    };
  }

  /** Resolves after `ms` of simulated time, or rejects with `Interrupted` on a signal. */
  sleep(ms: number, abort?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (abort?.aborted) {
        reject(new Interrupted(signalOf(abort)));
        return;
      }
      const onAbort = (): void => {
        cancel();
        reject(new Interrupted(signalOf(abort as AbortSignal)));
      };
      const cancel = this.after(ms, () => {
        abort?.removeEventListener('abort', onAbort);
        resolve();
      });
      abort?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Fires every due timer. Timers scheduled by a firing timer wait for the next tick. */
  tick(): void {
    const now = this.clock.now();
    const due = this.timers.filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
    if (due.length === 0) return;
    const dueIds = new Set(due.map((t) => t.id));
    this.timers = this.timers.filter((t) => !dueIds.has(t.id));
    for (const timer of due) timer.fire();
  }

  /** Cancels everything (power off). */
  clear(): void {
    this.timers = [];
  }

  get pendingCount(): number {
    return this.timers.length;
  }
}

/**
 * Time source for the guest. The library never reads the wall clock or starts
 * timers on its own: the engine injects a clock and drives time forward with
 * `Guest.tick()`, so simulations are deterministic and testable.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** Real time, for production use by the engine. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; used by tests and replays. */
export class ManualClock implements Clock {
  constructor(private current: number = Date.UTC(2015, 10, 11, 17, 0, 0)) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(epochMs: number): void {
    this.current = epochMs;
  }
}

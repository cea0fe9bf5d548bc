/**
 * Time is injected so that simulated operations (BUILD → ACTIVE, health checks…) can run on the
 * wall clock in the app and on a hand-driven clock in tests, which therefore never sleep.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

export class ManualClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.current;
  }

  set(ms: number): void {
    if (ms < this.current) throw new Error('A manual clock never goes backwards');
    this.current = ms;
  }

  advance(ms: number): void {
    this.set(this.current + ms);
  }
}

import { EngineError } from './errors.ts';

/**
 * Runs at most `concurrency` jobs at once and lets at most `capacity` more wait; past that a job is
 * refused at once (BUSY) instead of piling up memory and latency. For CPU-heavy work handed to the
 * thread pool (password hashes, key generation), which would otherwise take every thread at once.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly capacity: number,
    private readonly busyMessage: string,
  ) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.capacity) throw new EngineError('BUSY', this.busyMessage).coded('server.busy');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next waiter (running stays the same), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

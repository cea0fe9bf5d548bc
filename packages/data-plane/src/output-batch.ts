// What a guest writes to a terminal arrives in small pieces: a web server's access log is one
// write per request, a prompt is a few. Sent one by one, each piece is its own ssh packet (a
// cipher set-up, a MAC and random padding each) or WebSocket frame. A batch collects what is
// written during one turn of the event loop and sends it in one write at the next (`setImmediate`),
// so a busy guest costs one packet per turn, not one per line; order and bytes are unchanged.
// A stream that keeps writing (a log under load) is sent at most every OUTPUT_BATCH_INTERVAL_MS, as
// a terminal redraws at most at its frame rate; a keystroke's echo after a pause is not delayed.

/** Above this many characters a batch goes out at once (a screenful of `cat` is not held back). */
export const OUTPUT_BATCH_LIMIT = 64 * 1024;
/** The shortest time between two sends of a stream that keeps writing (one 60 Hz display frame). */
export const OUTPUT_BATCH_INTERVAL_MS = 16;

export class OutputBatch {
  private pending = '';
  private immediate: NodeJS.Immediate | null = null;
  private timeout: NodeJS.Timeout | null = null;
  private lastSent = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly send: (text: string) => void,
    /** Milliseconds on a monotonic clock (tests give a fake one). */
    private readonly now: () => number = () => performance.now(),
  ) {}

  write(text: string): void {
    if (text === '') return;
    this.pending += text;
    if (this.pending.length >= OUTPUT_BATCH_LIMIT) this.flush();
    else if (!this.immediate && !this.timeout) {
      const wait = this.lastSent + OUTPUT_BATCH_INTERVAL_MS - this.now();
      if (wait > 0) this.timeout = setTimeout(this.flushLater, wait);
      else this.immediate = setImmediate(this.flushLater);
    }
  }

  /** Sends what is pending now (before the channel's exit status, or when it closes). */
  flush(): void {
    this.cancel();
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.lastSent = this.now();
    this.send(text);
  }

  /** Drops what is pending (the receiver is gone). */
  discard(): void {
    this.cancel();
    this.pending = '';
  }

  private cancel(): void {
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timeout) clearTimeout(this.timeout);
    this.immediate = null;
    this.timeout = null;
  }

  private readonly flushLater = (): void => {
    this.immediate = null;
    this.timeout = null;
    this.flush();
  };
}

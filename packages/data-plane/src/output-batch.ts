// What a guest writes to a terminal arrives in small pieces: a web server's access log is one
// write per request, a prompt is a few. Sent one by one, each piece is its own ssh packet (a
// cipher set-up, a MAC and random padding each) or WebSocket frame. A batch collects what is
// written during one turn of the event loop and sends it in one write at the next (`setImmediate`),
// so a busy guest costs one packet per turn, not one per line; order and bytes are unchanged.

/** Above this many characters a batch goes out at once (a screenful of `cat` is not held back). */
export const OUTPUT_BATCH_LIMIT = 64 * 1024;

export class OutputBatch {
  private pending = '';
  private timer: NodeJS.Immediate | null = null;

  constructor(private readonly send: (text: string) => void) {}

  write(text: string): void {
    if (text === '') return;
    this.pending += text;
    if (this.pending.length >= OUTPUT_BATCH_LIMIT) this.flush();
    else this.timer ??= setImmediate(this.flushLater);
  }

  /** Sends what is pending now (before the channel's exit status, or when it closes). */
  flush(): void {
    if (this.timer) {
      clearImmediate(this.timer);
      this.timer = null;
    }
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.send(text);
  }

  /** Drops what is pending (the receiver is gone). */
  discard(): void {
    if (this.timer) clearImmediate(this.timer);
    this.timer = null;
    this.pending = '';
  }

  private readonly flushLater = (): void => {
    this.timer = null;
    this.flush();
  };
}

import { isFsError } from '../filesystem/errors.ts';
import type { Vfs } from '../filesystem/vfs.ts';
import { Interrupted, ReaderWakeup, signalOf } from '../time/signals.ts';

/**
 * Byte streams between simulated processes. Text is passed as JS strings
 * (the guest only deals with UTF-8 text); `\n` line endings inside the guest,
 * the terminal layer converts to `\r\n` on output.
 */
export interface OutputStream {
  write(text: string): void;
  /** Programs change format on a terminal (ls prints columns, python line-buffers). */
  readonly isTTY: boolean;
}

export interface InputStream {
  /** Next chunk of input, or null at end of file. Rejects with `Interrupted` on a signal. */
  read(abort: AbortSignal): Promise<string | null>;
  /** The reader will not read any more (lets a writer notice a broken pipe). */
  closeRead?(): void;
}

export const nullInput: InputStream = {
  read: () => Promise.resolve(null),
};

export const nullOutput: OutputStream = {
  write: () => undefined,
  isTTY: false,
};

export class StringInput implements InputStream {
  private consumed = false;

  constructor(private readonly text: string) {}

  read(abort: AbortSignal): Promise<string | null> {
    if (abort.aborted) return Promise.reject(new Interrupted(signalOf(abort)));
    if (this.consumed || this.text === '') return Promise.resolve(null);
    this.consumed = true;
    return Promise.resolve(this.text);
  }
}

export class CaptureOutput implements OutputStream {
  private chunks: string[] = [];

  constructor(readonly isTTY = false) {}

  write(text: string): void {
    this.chunks.push(text);
  }

  text(): string {
    return this.chunks.join('');
  }
}

/**
 * An anonymous pipe: `write` never blocks (the buffer is unbounded), `read`
 * waits for data or EOF. When the reader goes away, further writes are
 * dropped and `onBroken` fires so the writer can be sent SIGPIPE.
 */
export class Pipe implements InputStream, OutputStream {
  readonly isTTY = false;
  private buffer: string[] = [];
  private closed = false;
  private broken = false;
  private readonly wakeup = new ReaderWakeup();
  onBroken: (() => void) | null = null;

  write(text: string): void {
    if (this.broken || this.closed || text === '') return;
    this.buffer.push(text);
    this.wake();
  }

  /** Writer finished: the reader gets EOF after draining the buffer. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  closeRead(): void {
    if (this.broken) return;
    this.broken = true;
    this.buffer = [];
    this.onBroken?.();
  }

  async read(abort: AbortSignal): Promise<string | null> {
    for (;;) {
      if (abort.aborted) throw new Interrupted(signalOf(abort));
      if (this.buffer.length > 0) {
        const chunk = this.buffer.join('');
        this.buffer = [];
        return chunk;
      }
      if (this.closed) return null;
      await this.wakeup.wait(abort);
    }
  }

  private wake(): void {
    this.wakeup.wake();
  }
}

/**
 * Output redirected to a file: the file was created/truncated when the
 * redirection was set up; each write appends, so a long-running `cat > f`
 * leaves what was typed so far even when interrupted.
 */
export class FileOutput implements OutputStream {
  readonly isTTY = false;
  private failed = false;

  constructor(
    private readonly vfs: Vfs,
    private readonly path: string,
    private readonly onError: (message: string) => void,
  ) {}

  write(text: string): void {
    if (this.failed || text === '') return;
    try {
      this.vfs.appendFile(this.path, text);
    } catch (error) {
      if (!isFsError(error)) throw error;
      this.failed = true;
      this.onError(error.message);
    }
  }
}

/** Reads an input stream to EOF. */
export async function readAll(input: InputStream, abort: AbortSignal): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await input.read(abort);
    if (chunk === null) return text;
    text += chunk;
  }
}

/**
 * Line-by-line reading for interactive programs (cat echoing each line as it
 * is typed). A final line without newline is returned as is.
 */
export class LineReader {
  private pending = '';
  private eof = false;

  constructor(
    private readonly input: InputStream,
    private readonly abort: AbortSignal,
  ) {}

  /** Next line including its "\n" (absent on the last unterminated line), or null at EOF. */
  async next(): Promise<string | null> {
    for (;;) {
      const newline = this.pending.indexOf('\n');
      if (newline >= 0) {
        const line = this.pending.slice(0, newline + 1);
        this.pending = this.pending.slice(newline + 1);
        return line;
      }
      if (this.eof) {
        if (this.pending === '') return null;
        const rest = this.pending;
        this.pending = '';
        return rest;
      }
      const chunk = await this.input.read(this.abort);
      if (chunk === null) this.eof = true;
      else this.pending += chunk;
    }
  }
}

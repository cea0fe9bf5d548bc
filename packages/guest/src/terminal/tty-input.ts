import { Interrupted, ReaderWakeup, signalOf } from '../time/signals.ts';
import type { InputStream } from '../shell/streams.ts';
import { caretNotation, rawSequence, type Key } from './keys.ts';
import { MAX_INPUT_LINE } from './line-editor.ts';

const EOF = Symbol('eof');

/**
 * The terminal's cooked mode (canonical line discipline) while a program
 * runs in the foreground: typed text is echoed and editable until Enter,
 * then handed to the program as one line; CTRL+D sends the pending text or
 * end-of-file. What the program never reads is returned as type-ahead for
 * the shell, as a real tty would.
 */
export class TtyInput implements InputStream {
  private lineBuffer = '';
  /** Characters past MAX_INPUT_LINE are being dropped (the bell rang once). */
  private dropping = false;
  private queue: (string | typeof EOF)[] = [];
  private readonly wakeup = new ReaderWakeup();

  constructor(private readonly echo: (text: string) => void) {}

  handle(key: Key): void {
    // As the kernel's line discipline: past the line limit, typed characters are dropped (bell once).
    if ((key.type === 'char' || key.type === 'tab') && this.lineBuffer.length >= MAX_INPUT_LINE) {
      if (!this.dropping) this.echo('\x07');
      this.dropping = true;
      return;
    }
    this.dropping = false;
    switch (key.type) {
      case 'char':
        this.lineBuffer += key.char;
        this.echo(key.char);
        return;
      case 'tab':
        this.lineBuffer += '\t';
        this.echo('\t');
        return;
      case 'enter':
        this.queue.push(`${this.lineBuffer}\n`);
        this.lineBuffer = '';
        this.echo('\r\n');
        this.wake();
        return;
      case 'backspace':
        if (this.lineBuffer === '') return;
        this.lineBuffer = [...this.lineBuffer].slice(0, -1).join('');
        this.echo('\b \b');
        return;
      case 'ctrl':
        if (key.key === 'd') {
          this.queue.push(this.lineBuffer === '' ? EOF : this.lineBuffer);
          this.lineBuffer = '';
          this.wake();
        } else if (key.key === 'u') {
          this.echo('\b \b'.repeat([...this.lineBuffer].length));
          this.lineBuffer = '';
        }
        return;
      default: {
        const raw = rawSequence(key);
        this.lineBuffer += raw;
        this.echo(caretNotation(raw));
      }
    }
  }

  /** CTRL+C: the pending input is discarded (the kernel flushes on SIGINT). */
  flush(): void {
    this.lineBuffer = '';
    this.queue = [];
  }

  /** Unread complete lines and the partial line, for the shell to take over. */
  takeTypeahead(): string {
    const text = this.queue.filter((item): item is string => item !== EOF).join('') + this.lineBuffer;
    this.flush();
    return text;
  }

  async read(abort: AbortSignal): Promise<string | null> {
    for (;;) {
      if (abort.aborted) throw new Interrupted(signalOf(abort));
      const next = this.queue.shift();
      if (next === EOF) return null;
      if (next !== undefined) return next;
      await this.wakeup.wait(abort);
    }
  }

  private wake(): void {
    this.wakeup.wake();
  }
}

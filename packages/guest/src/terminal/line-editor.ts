import { formatColumns } from '../format/columns.ts';
import type { Key } from './keys.ts';
import { commonPrefix, type CompletionResult } from './completion.ts';

export interface LineEditorHost {
  write(text: string): void;
  history(): readonly string[];
  complete(line: string, cursor: number): CompletionResult;
  columns(): number;
}

/** What the editor tells the session after a key. */
export type EditorEvent =
  | { type: 'submit'; line: string }
  /** CTRL+C: line discarded. */
  | { type: 'interrupt' }
  /** CTRL+D on an empty line. */
  | { type: 'eof' };

/**
 * The longest command line the editor takes, in characters. Past it the rest of the line is
 * dropped (one bell) and Enter reports the line as too long instead of running it: a megabyte
 * pasted into the console must not be echoed, parsed and kept in history.
 */
export const MAX_INPUT_LINE = 64 * 1024;

/**
 * The readline part of bash: echo, cursor movement, history (arrow keys),
 * tab completion and the usual CTRL shortcuts. Output uses plain VT100
 * sequences, so it renders in xterm.js and any SSH client.
 */
export class LineEditor {
  private buffer = '';
  private cursor = 0;
  private prompt = '';
  private historyIndex = 0;
  private draft = '';
  private lastKeyWasTab = false;
  /** The line went past MAX_INPUT_LINE: the rest is dropped until Enter. */
  private overflowed = false;

  constructor(private readonly host: LineEditorHost) {}

  /** Shows `prompt` and starts editing an empty line. */
  begin(prompt: string): void {
    this.prompt = prompt;
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = this.host.history().length;
    this.draft = '';
    this.lastKeyWasTab = false;
    this.overflowed = false;
    this.host.write(prompt);
  }

  get line(): string {
    return this.buffer;
  }

  handle(key: Key): EditorEvent | undefined {
    const wasTab = this.lastKeyWasTab;
    this.lastKeyWasTab = key.type === 'tab';
    switch (key.type) {
      case 'char':
        this.insert(key.char);
        return undefined;
      case 'enter': {
        if (this.overflowed) {
          this.overflowed = false;
          this.host.write(`\r\n-bash: input line too long: more than ${MAX_INPUT_LINE} characters; the line was discarded\r\n`);
          this.buffer = '';
          this.cursor = 0;
          return { type: 'submit', line: '' };
        }
        const line = this.buffer;
        this.host.write('\r\n');
        this.buffer = '';
        this.cursor = 0;
        return { type: 'submit', line };
      }
      case 'backspace':
        if (this.cursor === 0) return this.bell();
        if (this.cursor === this.buffer.length) {
          this.buffer = this.buffer.slice(0, -1);
          this.cursor--;
          this.host.write('\b \b');
        } else {
          this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
          this.cursor--;
          this.redraw();
        }
        return undefined;
      case 'delete':
        if (this.cursor < this.buffer.length) {
          this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
          this.redraw();
        }
        return undefined;
      case 'left':
        if (this.cursor > 0) {
          this.cursor--;
          this.host.write('\b');
        }
        return undefined;
      case 'right':
        if (this.cursor < this.buffer.length) {
          this.host.write(this.buffer[this.cursor] as string);
          this.cursor++;
        }
        return undefined;
      case 'home':
        this.moveTo(0);
        return undefined;
      case 'end':
        this.moveTo(this.buffer.length);
        return undefined;
      case 'up':
        this.recall(-1);
        return undefined;
      case 'down':
        this.recall(1);
        return undefined;
      case 'tab':
        this.completeWord(wasTab);
        return undefined;
      case 'ctrl':
        return this.control(key.key);
      case 'unknown':
        return undefined;
    }
  }

  private control(key: string): EditorEvent | undefined {
    switch (key) {
      case 'c':
        this.host.write('^C\r\n');
        this.buffer = '';
        this.cursor = 0;
        return { type: 'interrupt' };
      case 'd':
        if (this.buffer === '') return { type: 'eof' };
        this.handle({ type: 'delete' });
        return undefined;
      case 'a':
        this.moveTo(0);
        return undefined;
      case 'e':
        this.moveTo(this.buffer.length);
        return undefined;
      case 'b':
        return this.handle({ type: 'left' });
      case 'f':
        return this.handle({ type: 'right' });
      case 'u':
        this.buffer = this.buffer.slice(this.cursor);
        this.cursor = 0;
        this.redraw();
        return undefined;
      case 'k':
        this.buffer = this.buffer.slice(0, this.cursor);
        this.redraw();
        return undefined;
      case 'w': {
        const before = this.buffer.slice(0, this.cursor).replace(/\S+\s*$/, '');
        this.buffer = before + this.buffer.slice(this.cursor);
        this.cursor = before.length;
        this.redraw();
        return undefined;
      }
      case 'l':
        this.host.write('\x1b[H\x1b[2J');
        this.redraw();
        return undefined;
      default:
        return undefined;
    }
  }

  private insert(text: string): void {
    if (this.overflowed) return;
    if (this.buffer.length + text.length > MAX_INPUT_LINE) {
      this.overflowed = true;
      this.bell();
      return;
    }
    if (this.cursor === this.buffer.length) {
      this.buffer += text;
      this.cursor += text.length;
      this.host.write(text);
      return;
    }
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
    this.redraw();
  }

  private bell(): undefined {
    this.host.write('\x07');
    return undefined;
  }

  private moveTo(position: number): void {
    if (position < this.cursor) this.host.write('\b'.repeat(this.cursor - position));
    else if (position > this.cursor) this.host.write(this.buffer.slice(this.cursor, position));
    this.cursor = position;
  }

  /** Rewrites the whole line and puts the cursor back. */
  private redraw(): void {
    const back = this.buffer.length - this.cursor;
    this.host.write(`\r${this.prompt}${this.buffer}\x1b[K${back > 0 ? `\x1b[${back}D` : ''}`);
  }

  private recall(direction: -1 | 1): void {
    const history = this.host.history();
    const next = this.historyIndex + direction;
    if (next < 0 || next > history.length) {
      this.bell();
      return;
    }
    if (this.historyIndex === history.length) this.draft = this.buffer;
    this.historyIndex = next;
    this.buffer = next === history.length ? this.draft : (history[next] as string);
    this.cursor = this.buffer.length;
    this.redraw();
  }

  private completeWord(secondTab: boolean): void {
    const result = this.host.complete(this.buffer, this.cursor);
    const { candidates } = result;
    if (candidates.length === 0) {
      this.bell();
      return;
    }
    const replace = (word: string, suffix: string): void => {
      const text = word + suffix;
      const typedLength = this.cursor - result.start;
      if (text.startsWith(this.buffer.slice(result.start, this.cursor)) && this.cursor === this.buffer.length) {
        this.insert(text.slice(typedLength));
        return;
      }
      this.buffer = this.buffer.slice(0, result.start) + text + this.buffer.slice(this.cursor);
      this.cursor = result.start + text.length;
      this.redraw();
    };
    if (candidates.length === 1) {
      const only = candidates[0] as (typeof candidates)[number];
      replace(only.word, only.isDirectory ? '/' : ' ');
      return;
    }
    const prefix = commonPrefix(candidates.map((c) => c.word));
    if (prefix.length > result.word.length) {
      replace(prefix, '');
      return;
    }
    if (!secondTab) {
      this.bell();
      return;
    }
    const lines = formatColumns(candidates.map((c) => c.display), this.host.columns());
    this.host.write(`\r\n${lines.join('\r\n')}\r\n`);
    this.redraw();
  }
}

/**
 * Decodes terminal input bytes (xterm.js / SSH PTY) into key events. Escape
 * sequences may arrive split across writes, so an incomplete one is kept
 * until the next chunk.
 */
export type Key =
  | { type: 'char'; char: string }
  | { type: 'enter' }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'tab' }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  /** CTRL+letter, e.g. { ctrl: 'c' } for \x03. */
  | { type: 'ctrl'; key: string }
  /** A sequence we do not interpret; raw text kept for echo. */
  | { type: 'unknown'; raw: string };

export class KeyDecoder {
  private pending = '';
  private lastWasCarriageReturn = false;

  decode(data: string): Key[] {
    const input = this.pending + data;
    this.pending = '';
    const keys: Key[] = [];
    let i = 0;
    while (i < input.length) {
      const ch = input[i] as string;
      if (ch === '\n' && this.lastWasCarriageReturn) {
        // CR LF from a terminal that sends both: one Enter
        this.lastWasCarriageReturn = false;
        i++;
        continue;
      }
      this.lastWasCarriageReturn = ch === '\r';
      if (ch === '\x1b') {
        const parsed = this.parseEscape(input, i);
        if (parsed === undefined) {
          this.pending = input.slice(i);
          break;
        }
        if (parsed.key) keys.push(parsed.key);
        i = parsed.next;
        continue;
      }
      if (ch === '\r' || ch === '\n') keys.push({ type: 'enter' });
      else if (ch === '\x7f' || ch === '\b') keys.push({ type: 'backspace' });
      else if (ch === '\t') keys.push({ type: 'tab' });
      else if (ch.charCodeAt(0) < 0x20) keys.push({ type: 'ctrl', key: String.fromCharCode(ch.charCodeAt(0) + 96) });
      else {
        const code = input.codePointAt(i) as number;
        const char = String.fromCodePoint(code);
        keys.push({ type: 'char', char });
        i += char.length;
        continue;
      }
      i++;
    }
    return keys;
  }

  /** Returns undefined when the sequence is incomplete. */
  private parseEscape(input: string, start: number): { key?: Key; next: number } | undefined {
    const kind = input[start + 1];
    if (kind === undefined) return undefined;
    if (kind === 'O') {
      const final = input[start + 2];
      if (final === undefined) return undefined;
      return { key: keyForFinal(final, '', input.slice(start, start + 3)), next: start + 3 };
    }
    if (kind !== '[') return { key: { type: 'unknown', raw: input.slice(start, start + 2) }, next: start + 2 };
    let j = start + 2;
    while (j < input.length) {
      const code = input.charCodeAt(j);
      if (code >= 0x40 && code <= 0x7e) {
        const params = input.slice(start + 2, j);
        const raw = input.slice(start, j + 1);
        return { key: keyForFinal(input[j] as string, params, raw), next: j + 1 };
      }
      j++;
    }
    return undefined;
  }
}

function keyForFinal(final: string, params: string, raw: string): Key | undefined {
  switch (final) {
    case 'A': return { type: 'up' };
    case 'B': return { type: 'down' };
    case 'C': return { type: 'right' };
    case 'D': return { type: 'left' };
    case 'H': return { type: 'home' };
    case 'F': return { type: 'end' };
    case '~':
      if (params === '1' || params === '7') return { type: 'home' };
      if (params === '4' || params === '8') return { type: 'end' };
      if (params === '3') return { type: 'delete' };
      // bracketed paste markers carry no key
      if (params === '200' || params === '201') return undefined;
      return { type: 'unknown', raw };
    default:
      return { type: 'unknown', raw };
  }
}

/** How a cooked-mode terminal echoes a key it does not edit with ("^[[A" for up). */
export function caretNotation(raw: string): string {
  return raw.split('\x1b').join('^[');
}

export function rawSequence(key: Key): string {
  switch (key.type) {
    case 'up': return '\x1b[A';
    case 'down': return '\x1b[B';
    case 'right': return '\x1b[C';
    case 'left': return '\x1b[D';
    case 'home': return '\x1b[H';
    case 'end': return '\x1b[F';
    case 'delete': return '\x1b[3~';
    case 'unknown': return key.raw;
    default: return '';
  }
}

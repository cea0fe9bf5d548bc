import type {
  AndOrList,
  Assignment,
  Command,
  ListItem,
  ParamOperator,
  Pipeline,
  Redirect,
  RedirectOperator,
  Script,
  SimpleCommand,
  Word,
  WordPart,
} from './ast.ts';

/**
 * A hand-written recursive-descent parser for the bash subset the guest
 * supports. It distinguishes *incomplete* input (an open quote, a trailing
 * `|`/`&&`, an unfinished here-document) from syntax errors, because an
 * interactive shell answers the former with the `> ` continuation prompt.
 */
export type ParseResult =
  | { ok: true; script: Script; warnings: string[] }
  | { ok: false; incomplete: true; reason: string }
  | { ok: false; incomplete: false; message: string };

export interface ParseOptions {
  /**
   * Treat end of input as the end of open here-documents (bash -c / scripts
   * do this with a warning); an interactive shell asks for more lines instead.
   */
  eofEndsHeredoc?: boolean;
}

class Incomplete extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

class SyntaxError_ extends Error {}

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  stripTabs: boolean;
  expand: boolean;
}

const METACHARS = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export function parse(source: string, options: ParseOptions = {}): ParseResult {
  const parser = new Parser(source, options);
  try {
    const script = parser.parseScript();
    return { ok: true, script, warnings: parser.warnings };
  } catch (error) {
    if (error instanceof Incomplete) return { ok: false, incomplete: true, reason: error.reason };
    if (error instanceof SyntaxError_) return { ok: false, incomplete: false, message: error.message };
    throw error;
  }
}

class Parser {
  private pos = 0;
  private pending: PendingHeredoc[] = [];
  readonly warnings: string[] = [];

  constructor(
    private readonly src: string,
    private readonly options: ParseOptions,
  ) {}

  parseScript(): Script {
    const items: ListItem[] = [];
    for (;;) {
      this.skipSeparatorsAndNewlines();
      if (this.atEnd()) break;
      if (this.peekOperator() === ')') this.unexpected(')');
      items.push(this.parseListItem());
    }
    if (this.pending.length > 0) this.readHeredocBodies();
    return { items };
  }

  private parseListItem(): ListItem {
    const start = this.pos;
    const command = this.parseAndOr();
    const end = this.pos;
    this.skipBlanks();
    const op = this.peekOperator();
    let background = false;
    if (op === '&') {
      this.pos += 1;
      background = true;
    } else if (op === ';') {
      this.pos += 1;
    } else if (op === ';;') {
      this.unexpected(';;');
    } else if (!this.atEnd() && this.peek() !== '\n' && op !== ')') {
      this.unexpected(op ?? this.peek());
    }
    return { command, background, source: this.src.slice(start, end).trim() };
  }

  private parseAndOr(): AndOrList {
    const first = this.parsePipeline();
    const rest: AndOrList['rest'] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.peekOperator();
      if (op !== '&&' && op !== '||') break;
      this.pos += 2;
      this.skipBlanksAndNewlines();
      if (this.atEnd()) throw new Incomplete(`after ${op}`);
      rest.push({ operator: op, pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    this.skipBlanks();
    let negated = false;
    if (this.peek() === '!' && (this.src[this.pos + 1] === ' ' || this.src[this.pos + 1] === '\t')) {
      negated = true;
      this.pos += 1;
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      this.skipBlanks();
      if (this.peekOperator() !== '|') break;
      this.pos += 1;
      this.skipBlanksAndNewlines();
      if (this.atEnd()) throw new Incomplete('after |');
      commands.push(this.parseCommand());
    }
    return { negated, commands };
  }

  private parseCommand(): Command {
    this.skipBlanks();
    if (this.peek() === '(') {
      this.pos += 1;
      const body: ListItem[] = [];
      for (;;) {
        this.skipSeparatorsAndNewlines();
        if (this.atEnd()) throw new Incomplete('in subshell');
        if (this.peek() === ')') {
          this.pos += 1;
          break;
        }
        body.push(this.parseListItem());
      }
      if (body.length === 0) this.unexpected(')');
      const redirects: Redirect[] = [];
      for (;;) {
        this.skipBlanks();
        if (!this.atRedirect()) break;
        redirects.push(this.parseRedirect());
      }
      return { type: 'subshell', body: { items: body }, redirects };
    }
    const command: SimpleCommand = { type: 'simple', assignments: [], words: [], redirects: [] };
    for (;;) {
      this.skipBlanks();
      if (this.atEnd()) break;
      const ch = this.peek();
      if (ch === '#' ) {
        this.skipComment();
        break;
      }
      if (this.atRedirect()) {
        command.redirects.push(this.parseRedirect());
        continue;
      }
      if (METACHARS.has(ch)) break;
      const word = this.parseWord();
      const assignment = command.words.length === 0 ? asAssignment(word) : undefined;
      if (assignment) command.assignments.push(assignment);
      else command.words.push(word);
    }
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0) {
      if (this.atEnd()) throw new Incomplete('empty command');
      this.unexpected(this.peekOperator() ?? (this.peek() === '\n' ? 'newline' : this.peek()));
    }
    return command;
  }

  // --- redirections ---------------------------------------------------------

  private atRedirect(): boolean {
    return this.matchRedirect() !== undefined;
  }

  private matchRedirect(): { fd: number | undefined; operator: RedirectOperator; length: number } | undefined {
    const rest = this.src.slice(this.pos, this.pos + 8);
    const match = /^(\d*)(&>>|&>|<<<|<<-|<<|>>|>\||>&|<&|>|<)/.exec(rest);
    if (!match) return undefined;
    const digits = match[1] ?? '';
    const operator = match[2] as RedirectOperator;
    if (digits && operator.startsWith('&')) return undefined;
    return { fd: digits ? Number(digits) : undefined, operator, length: match[0].length };
  }

  private parseRedirect(): Redirect {
    const match = this.matchRedirect();
    if (!match) throw new SyntaxError_('bash: syntax error');
    this.pos += match.length;
    const operator = match.operator;
    const fd = match.fd ?? (operator.startsWith('<') ? 0 : 1);
    this.skipBlanks();
    if (this.atEnd()) throw new SyntaxError_('bash: syntax error near unexpected token `newline\'');
    const next = this.peek();
    if (METACHARS.has(next)) this.unexpected(next === '\n' ? 'newline' : (this.peekOperator() ?? next));
    const target = this.parseWord();
    const redirect: Redirect = { fd, operator, target };
    if (operator === '<<' || operator === '<<-') {
      const quoted = target.parts.some((p) => p.type === 'literal' && p.quoted);
      this.pending.push({
        redirect,
        delimiter: wordLiteralText(target),
        stripTabs: operator === '<<-',
        expand: !quoted,
      });
    }
    return redirect;
  }

  /** Reads here-document bodies that start after the newline just consumed. */
  private readHeredocBodies(): void {
    const queue = this.pending;
    this.pending = [];
    for (const doc of queue) {
      const lines: string[] = [];
      let found = false;
      while (!this.atEnd()) {
        const newline = this.src.indexOf('\n', this.pos);
        const lineEnd = newline < 0 ? this.src.length : newline;
        let line = this.src.slice(this.pos, lineEnd);
        this.pos = newline < 0 ? this.src.length : newline + 1;
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) {
          found = true;
          break;
        }
        lines.push(line);
      }
      if (!found) {
        if (!this.options.eofEndsHeredoc) throw new Incomplete(`here-document (wanted \`${doc.delimiter}')`);
        this.warnings.push(`bash: warning: here-document delimited by end-of-file (wanted \`${doc.delimiter}')`);
      }
      const text = lines.map((l) => `${l}\n`).join('');
      doc.redirect.heredoc = {
        body: doc.expand ? this.parseHeredocText(text) : { parts: [{ type: 'literal', text, quoted: true }], raw: text },
        expand: doc.expand,
      };
    }
  }

  parseHeredocText(text: string): Word {
    const inner = new Parser(text, this.options);
    const parts: WordPart[] = [];
    while (!inner.atEnd()) {
      const ch = inner.peek();
      if (ch === '\\') {
        const next = text[inner.pos + 1];
        if (next === '$' || next === '`' || next === '\\') {
          pushLiteral(parts, next, true);
          inner.pos += 2;
        } else if (next === '\n') {
          inner.pos += 2;
        } else {
          pushLiteral(parts, '\\', true);
          inner.pos += 1;
        }
      } else if (ch === '$') {
        parts.push(...inner.parseDollar(true));
      } else if (ch === '`') {
        parts.push(inner.parseBackquote(true));
      } else {
        pushLiteral(parts, ch, true);
        inner.pos += 1;
      }
    }
    return { parts, raw: text };
  }

  // --- words ------------------------------------------------------------------

  private parseWord(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    if (this.peek() === '~') {
      let end = this.pos + 1;
      while (end < this.src.length && !METACHARS.has(this.src[end] as string) && this.src[end] !== '/') {
        if (!/[A-Za-z0-9_.-]/.test(this.src[end] as string)) break;
        end++;
      }
      const next = this.src[end];
      if (next === undefined || next === '/' || METACHARS.has(next)) {
        parts.push({ type: 'tilde', user: this.src.slice(this.pos + 1, end) });
        this.pos = end;
      }
    }
    while (!this.atEnd()) {
      const ch = this.peek();
      if (METACHARS.has(ch)) break;
      if (ch === "'") {
        const close = this.src.indexOf("'", this.pos + 1);
        if (close < 0) throw new Incomplete("unterminated '");
        pushLiteral(parts, this.src.slice(this.pos + 1, close), true);
        if (close === this.pos + 1) parts.push({ type: 'literal', text: '', quoted: true });
        this.pos = close + 1;
      } else if (ch === '"') {
        this.parseDoubleQuoted(parts);
      } else if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === undefined) throw new Incomplete('trailing backslash');
        if (next === '\n') {
          this.pos += 2;
          continue;
        }
        pushLiteral(parts, next, true);
        this.pos += 2;
      } else if (ch === '$') {
        parts.push(...this.parseDollar(false));
      } else if (ch === '`') {
        parts.push(this.parseBackquote(false));
      } else {
        pushLiteral(parts, ch, false);
        this.pos += 1;
      }
    }
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  private parseDoubleQuoted(parts: WordPart[]): void {
    this.pos += 1;
    const before = parts.length;
    for (;;) {
      if (this.atEnd()) throw new Incomplete('unterminated "');
      const ch = this.peek();
      if (ch === '"') {
        this.pos += 1;
        break;
      }
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === undefined) throw new Incomplete('unterminated "');
        if (next === '$' || next === '`' || next === '"' || next === '\\') {
          pushLiteral(parts, next, true);
          this.pos += 2;
        } else if (next === '\n') {
          this.pos += 2;
        } else {
          pushLiteral(parts, '\\', true);
          this.pos += 1;
        }
      } else if (ch === '$') {
        parts.push(...this.parseDollar(true));
      } else if (ch === '`') {
        parts.push(this.parseBackquote(true));
      } else {
        pushLiteral(parts, ch, true);
        this.pos += 1;
      }
    }
    // "" is an (empty) argument of its own
    if (parts.length === before) parts.push({ type: 'literal', text: '', quoted: true });
  }

  parseDollar(quoted: boolean): WordPart[] {
    const next = this.src[this.pos + 1];
    if (next === '(' && this.src[this.pos + 2] === '(') {
      const end = this.findClosing(this.pos + 3, '(', ')', 2);
      const expression = this.src.slice(this.pos + 3, end - 1);
      this.pos = end + 1;
      return [{ type: 'arithmetic', expression, quoted }];
    }
    if (next === '(') {
      const end = this.findClosing(this.pos + 2, '(', ')', 1);
      const source = this.src.slice(this.pos + 2, end);
      this.pos = end + 1;
      return [{ type: 'command', source, quoted }];
    }
    if (next === '{') return [this.parseBracedParam(quoted)];
    if (next !== undefined && /[?$!#@*0-9-]/.test(next)) {
      this.pos += 2;
      return [{ type: 'param', name: next, quoted }];
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = this.pos + 1;
      while (end < this.src.length && NAME_CHAR.test(this.src[end] as string)) end++;
      const name = this.src.slice(this.pos + 1, end);
      this.pos = end;
      return [{ type: 'param', name, quoted }];
    }
    this.pos += 1;
    return [{ type: 'literal', text: '$', quoted }];
  }

  private parseBracedParam(quoted: boolean): WordPart {
    const close = this.findClosing(this.pos + 2, '{', '}', 1);
    const body = this.src.slice(this.pos + 2, close);
    this.pos = close + 1;
    if (body.startsWith('#') && body.length > 1) {
      return { type: 'param', name: body.slice(1), quoted, length: true };
    }
    const match = /^([A-Za-z_][A-Za-z0-9_]*|[?$!#@*0-9])(:[-=+?]|[-=+?])?([\s\S]*)$/.exec(body);
    if (!match || (match[2] === undefined && match[3] !== '')) {
      throw new SyntaxError_(`bash: \${${body}}: bad substitution`);
    }
    const name = match[1] as string;
    if (match[2] === undefined) return { type: 'param', name, quoted };
    const operand = new Parser(match[3] ?? '', this.options).parseOperandWord(match[3] ?? '');
    return { type: 'param', name, quoted, operator: match[2] as ParamOperator, operand };
  }

  private parseOperandWord(text: string): Word {
    const parts: WordPart[] = [];
    while (!this.atEnd()) {
      const ch = this.peek();
      if (ch === "'") {
        const close = this.src.indexOf("'", this.pos + 1);
        pushLiteral(parts, this.src.slice(this.pos + 1, close < 0 ? undefined : close), true);
        this.pos = close < 0 ? this.src.length : close + 1;
      } else if (ch === '"') {
        this.parseDoubleQuoted(parts);
      } else if (ch === '$') {
        parts.push(...this.parseDollar(false));
      } else if (ch === '\\' && this.pos + 1 < this.src.length) {
        pushLiteral(parts, this.src[this.pos + 1] as string, true);
        this.pos += 2;
      } else {
        pushLiteral(parts, ch, false);
        this.pos += 1;
      }
    }
    return { parts, raw: text };
  }

  parseBackquote(quoted: boolean): WordPart {
    let end = this.pos + 1;
    let source = '';
    for (;;) {
      const ch = this.src[end];
      if (ch === undefined) throw new Incomplete('unterminated `');
      if (ch === '`') break;
      if (ch === '\\' && (this.src[end + 1] === '`' || this.src[end + 1] === '\\' || this.src[end + 1] === '$')) {
        source += this.src[end + 1];
        end += 2;
        continue;
      }
      source += ch;
      end++;
    }
    this.pos = end + 1;
    return { type: 'command', source, quoted };
  }

  /** Index of the closing bracket matching an already-consumed opening one, skipping quotes. */
  private findClosing(from: number, open: string, close: string, depth: number): number {
    let level = depth;
    let i = from;
    while (i < this.src.length) {
      const ch = this.src[i] as string;
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (ch === "'") {
        const end = this.src.indexOf("'", i + 1);
        if (end < 0) break;
        i = end + 1;
        continue;
      }
      if (ch === '"') {
        i++;
        while (i < this.src.length && this.src[i] !== '"') i += this.src[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (ch === open) level++;
      else if (ch === close) {
        level--;
        if (level === 0) return i;
      }
      i++;
    }
    throw new Incomplete(`unterminated ${open}`);
  }

  // --- low-level scanning ----------------------------------------------------

  private atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  private peek(): string {
    return this.src[this.pos] ?? '';
  }

  private peekOperator(): string | undefined {
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === '&&' || two === '||' || two === ';;') return two;
    const one = this.peek();
    if (one === ';' || one === '&' || one === '|' || one === '(' || one === ')') return one;
    return undefined;
  }

  private skipBlanks(): void {
    for (;;) {
      const ch = this.peek();
      if (ch === ' ' || ch === '\t') this.pos++;
      else if (ch === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else break;
    }
  }

  private skipComment(): void {
    while (!this.atEnd() && this.peek() !== '\n') this.pos++;
  }

  private consumeNewline(): void {
    this.pos += 1;
    if (this.pending.length > 0) this.readHeredocBodies();
  }

  private skipBlanksAndNewlines(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '#') this.skipComment();
      if (this.peek() === '\n') this.consumeNewline();
      else break;
    }
  }

  private skipSeparatorsAndNewlines(): void {
    for (;;) {
      this.skipBlanksAndNewlines();
      if (this.peek() === ';' && this.src[this.pos + 1] !== ';') {
        // a leading ';' is an error in bash; after an item it was consumed already
        this.unexpected(';');
      }
      break;
    }
  }

  private unexpected(token: string): never {
    throw new SyntaxError_(`bash: syntax error near unexpected token \`${token}'`);
  }
}

function pushLiteral(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last && last.type === 'literal' && last.quoted === quoted) last.text += text;
  else parts.push({ type: 'literal', text, quoted });
}

/** The text of a word with quotes removed and no expansion (here-doc delimiters). */
export function wordLiteralText(word: Word): string {
  return word.parts
    .map((part) => {
      switch (part.type) {
        case 'literal': return part.text;
        case 'tilde': return `~${part.user}`;
        case 'param': return `$${part.name}`;
        case 'command': return `$(${part.source})`;
        case 'arithmetic': return `$((${part.expression}))`;
      }
    })
    .join('');
}

function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (!first || first.type !== 'literal' || first.quoted) return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!match) return undefined;
  const rest = first.text.slice(match[0].length);
  const valueParts: WordPart[] = rest ? [{ type: 'literal', text: rest, quoted: false }] : [];
  valueParts.push(...word.parts.slice(1));
  return { name: match[1] as string, value: { parts: valueParts, raw: word.raw.slice(match[0].length) } };
}

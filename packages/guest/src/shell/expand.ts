import { expandGlob, hasGlobMagic } from '../filesystem/glob.ts';
import type { Vfs } from '../filesystem/vfs.ts';
import type { Word, WordPart } from './ast.ts';
import { ArithmeticError, evaluateArithmetic } from './arithmetic.ts';
import type { ShellState } from './shell-state.ts';

/**
 * Word expansion in bash's order: tilde, parameters, command substitution,
 * arithmetic; then field splitting of unquoted results and pathname
 * expansion (globbing); quote removal is implicit in the part structure.
 */
export interface ExpansionEnv {
  state: ShellState;
  vfs: Vfs;
  /** Runs `$( )` and returns its stdout. */
  commandSubstitution(source: string): Promise<string>;
}

/** An expansion error aborts the command (`${X:?unset}`, bad arithmetic). */
export class ExpansionError extends Error {}

interface Segment {
  text: string;
  /** Unquoted text may contain glob patterns. */
  globbable: boolean;
}

class FieldBuilder {
  readonly fields: Segment[][] = [];
  private current: Segment[] | null = null;
  private forced = false;

  append(text: string, globbable: boolean, quoted: boolean): void {
    this.current ??= [];
    if (text !== '') this.current.push({ text, globbable });
    if (quoted) this.forced = true;
  }

  /** Unquoted expansion result: split on IFS whitespace. */
  appendSplit(text: string): void {
    for (const piece of text.split(/([ \t\n]+)/)) {
      if (piece === '') continue;
      if (/^[ \t\n]+$/.test(piece)) this.finish();
      else this.append(piece, true, false);
    }
  }

  finish(): void {
    if (this.current && (this.current.length > 0 || this.forced)) this.fields.push(this.current);
    this.current = null;
    this.forced = false;
  }
}

function special(name: string, state: ShellState): string | undefined {
  switch (name) {
    case '?': return String(state.lastStatus);
    case '$': return String(state.pid);
    case '!': return state.lastBackgroundPid === undefined ? '' : String(state.lastBackgroundPid);
    case '#': return String(state.positional.length);
    case '@':
    case '*': return state.positional.join(' ');
    case '0': return state.name;
    case '-': return 'himBH';
    default:
      if (/^\d+$/.test(name)) return state.positional[Number(name) - 1];
      return state.vars.get(name);
  }
}

async function expandParam(part: Extract<WordPart, { type: 'param' }>, env: ExpansionEnv): Promise<string> {
  const value = special(part.name, env.state);
  if (part.length) return String([...(value ?? '')].length);
  if (!part.operator) return value ?? '';
  const unsetOrEmpty = part.operator.startsWith(':') ? value === undefined || value === '' : value === undefined;
  const operand = async (): Promise<string> => (part.operand ? expandWord(part.operand, env) : '');
  switch (part.operator) {
    case ':-':
    case '-':
      return unsetOrEmpty ? operand() : (value ?? '');
    case ':=':
    case '=': {
      if (!unsetOrEmpty) return value ?? '';
      const assigned = await operand();
      env.state.vars.set(part.name, assigned);
      return assigned;
    }
    case ':+':
    case '+':
      return unsetOrEmpty ? '' : operand();
    case ':?':
    case '?': {
      if (!unsetOrEmpty) return value ?? '';
      const message = (await operand()) || 'parameter null or not set';
      throw new ExpansionError(`bash: ${part.name}: ${message}`);
    }
  }
}

async function expandPart(part: WordPart, env: ExpansionEnv): Promise<string> {
  switch (part.type) {
    case 'literal':
      return part.text;
    case 'tilde':
      if (part.user === '') return env.state.home;
      if (part.user === 'root') return '/root';
      return `~${part.user}`;
    case 'param':
      return expandParam(part, env);
    case 'command':
      return (await env.commandSubstitution(part.source)).replace(/\n+$/, '');
    case 'arithmetic':
      try {
        const inner = await expandWord(
          { parts: [{ type: 'literal', text: part.expression, quoted: true }], raw: part.expression },
          env,
        );
        return String(evaluateArithmetic(inner, (name) => env.state.vars.get(name)));
      } catch (error) {
        if (error instanceof ArithmeticError) throw new ExpansionError(`bash: ${part.expression}: ${error.message}`);
        throw error;
      }
  }
}

function isQuoted(part: WordPart): boolean {
  return part.type !== 'tilde' && part.quoted;
}

/** Expands to a single string: no field splitting, no globbing (assignments, here-docs). */
export async function expandWord(word: Word, env: ExpansionEnv): Promise<string> {
  let text = '';
  for (const part of word.parts) text += await expandPart(part, env);
  return text;
}

/** Expands command words into argv fields. */
export async function expandWords(words: Word[], env: ExpansionEnv): Promise<string[]> {
  const argv: string[] = [];
  for (const word of words) argv.push(...(await expandFields(word, env)));
  return argv;
}

export async function expandFields(word: Word, env: ExpansionEnv): Promise<string[]> {
  const builder = new FieldBuilder();
  for (const part of word.parts) {
    const text = await expandPart(part, env);
    if (part.type === 'literal') builder.append(text, !part.quoted, part.quoted);
    else if (part.type === 'tilde') builder.append(text, false, false);
    else if (isQuoted(part)) builder.append(text, false, true);
    else builder.appendSplit(text);
  }
  builder.finish();
  const result: string[] = [];
  for (const segments of builder.fields) {
    const literal = segments.map((s) => s.text).join('');
    const pattern = segments.map((s) => (s.globbable ? s.text : s.text.replace(/[*?[\]\\]/g, '\\$&'))).join('');
    if (segments.some((s) => s.globbable) && hasGlobMagic(pattern)) {
      const matches = expandGlob(pattern, env.state.cwd, env.vfs);
      if (matches.length > 0) {
        result.push(...matches);
        continue;
      }
    }
    result.push(literal);
  }
  return result;
}

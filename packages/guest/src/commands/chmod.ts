import { isFsError } from '../filesystem/errors.ts';
import { quoteName } from './support/quote.ts';
import type { CommandDefinition } from './types.ts';

/** Applies an octal ("755") or symbolic ("u+x,go-w", "+x") mode to `current`. */
export function applyMode(spec: string, current: number): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = current;
  for (const clause of spec.split(',')) {
    const match = /^([ugoa]*)([+\-=])([rwxXt]*)$/.exec(clause);
    if (!match) return undefined;
    const who = match[1] || 'a';
    let bits = 0;
    for (const p of match[3] ?? '') {
      const value = p === 'r' ? 4 : p === 'w' ? 2 : p === 'x' || p === 'X' ? 1 : 0;
      if (who.includes('u') || who.includes('a')) bits |= value << 6;
      if (who.includes('g') || who.includes('a')) bits |= value << 3;
      if (who.includes('o') || who.includes('a')) bits |= value;
      if (p === 't') bits |= 0o1000;
    }
    if (match[2] === '+') mode |= bits;
    else if (match[2] === '-') mode &= ~bits;
    else mode = (mode & ~0o777) | bits;
  }
  return mode;
}

/** `chmod MODE FILE...` */
export const chmod: CommandDefinition = {
  name: 'chmod',
  path: '/usr/bin/chmod',
  synopsis: 'chmod mode file ...',
  async run(ctx) {
    const [spec, ...files] = ctx.argv.slice(1).filter((a) => a !== '-R' && a !== '-v');
    if (spec === undefined || files.length === 0) {
      ctx.stderr.write(`chmod: missing operand${spec ? ` after ${quoteName(ctx.system, spec)}` : ''}\nTry 'chmod --help' for more information.\n`);
      return 1;
    }
    let status = 0;
    for (const file of files) {
      const path = ctx.resolve(file);
      try {
        const mode = applyMode(spec, ctx.system.vfs.stat(path).mode);
        if (mode === undefined) {
          ctx.error(`invalid mode: ${quoteName(ctx.system, spec)}`);
          return 1;
        }
        ctx.system.vfs.chmod(path, mode);
      } catch (error) {
        if (!isFsError(error)) throw error;
        ctx.error(`cannot access ${quoteName(ctx.system, file)}: ${error.message}`);
        status = 1;
      }
    }
    return status;
  },
};

import { isFsError } from '../filesystem/errors.ts';
import { joinPath } from '../filesystem/path.ts';
import { parseArgs, UsageError } from './support/args.ts';
import { splitLines } from './support/inputs.ts';
import type { CommandDefinition } from './types.ts';

/** Translates a POSIX basic regular expression to a JS one. */
export function basicToJs(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i] as string;
      out += '(){}|+?'.includes(next) ? next : `\\${next}`;
    } else if ('(){}|+?'.includes(ch)) {
      out += `\\${ch}`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** `grep [-ivncHhlrEF] PATTERN [FILE...]`; exit 0 on a match, 1 on none, 2 on errors. */
export const grep: CommandDefinition = {
  name: 'grep',
  path: '/usr/bin/grep',
  synopsis: 'grep [-ivnc] pattern [file ...]',
  async run(ctx) {
    let args;
    try {
      args = parseArgs(ctx.argv.slice(1), {
        flags: 'ivncHhlrREFwqs',
        withValue: 'e',
        long: { 'ignore-case': 'i', 'invert-match': 'v', 'line-number': 'n', count: 'c', recursive: 'r', color: 'color' },
      });
    } catch (error) {
      if (error instanceof UsageError) {
        ctx.stderr.write(`grep: ${error.detail}\nUsage: grep [OPTION]... PATTERN [FILE]...\nTry 'grep --help' for more information.\n`);
        return 2;
      }
      throw error;
    }
    const { flags } = args;
    const operands = [...args.operands];
    const pattern = args.values.get('e') ?? operands.shift();
    if (pattern === undefined) {
      ctx.stderr.write("Usage: grep [OPTION]... PATTERN [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    let source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? pattern : basicToJs(pattern);
    if (flags.has('w')) source = `\\b(?:${source})\\b`;
    let regexp: RegExp;
    try {
      regexp = new RegExp(source, flags.has('i') ? 'i' : '');
    } catch {
      ctx.stderr.write('grep: Invalid regular expression\n');
      return 2;
    }
    const vfs = ctx.system.vfs;
    const recursive = flags.has('r') || flags.has('R');
    const inputs: { name: string; text: string }[] = [];
    let failed = false;
    const collect = (operand: string, path: string): void => {
      try {
        if (vfs.isDirectory(path)) {
          if (!recursive) {
            ctx.stderr.write(`grep: ${operand}: Is a directory\n`);
            return;
          }
          for (const name of vfs.readdir(path).sort()) collect(joinPath(operand, name), joinPath(path, name));
          return;
        }
        inputs.push({ name: operand, text: vfs.readFile(path) });
      } catch (error) {
        if (!isFsError(error)) throw error;
        if (!flags.has('s')) ctx.stderr.write(`grep: ${operand}: ${error.message}\n`);
        failed = true;
      }
    };
    if (operands.length === 0 && recursive) operands.push('.');
    if (operands.length === 0) inputs.push({ name: '(standard input)', text: await ctx.readAll() });
    for (const operand of operands) collect(operand, ctx.resolve(operand));
    const withNames = flags.has('H') || (!flags.has('h') && (inputs.length > 1 || recursive));
    let matched = false;
    for (const input of inputs) {
      let count = 0;
      splitLines(input.text).forEach((line, index) => {
        const body = line.replace(/\n$/, '');
        if (regexp.test(body) === flags.has('v')) return;
        count++;
        matched = true;
        if (flags.has('c') || flags.has('l') || flags.has('q')) return;
        const prefix = `${withNames ? `${input.name}:` : ''}${flags.has('n') ? `${index + 1}:` : ''}`;
        ctx.stdout.write(`${prefix}${body}\n`);
      });
      if (flags.has('q')) continue;
      if (flags.has('l')) {
        if (count > 0) ctx.stdout.write(`${input.name}\n`);
      } else if (flags.has('c')) {
        ctx.stdout.write(`${withNames ? `${input.name}:` : ''}${count}\n`);
      }
    }
    if (failed && !(flags.has('q') && matched)) return 2;
    return matched ? 0 : 1;
  },
};

import { isFsError } from '../filesystem/errors.ts';
import { parseArgs, usageFailure, UsageError } from './support/args.ts';
import { quoteName } from './support/quote.ts';
import { removeTree } from './support/tree.ts';
import type { CommandDefinition } from './types.ts';

/** `rm [-rRf] FILE...` — refuses `/` like GNU rm's --preserve-root. */
export const rm: CommandDefinition = {
  name: 'rm',
  path: '/usr/bin/rm',
  synopsis: 'rm [-rf] file ...',
  async run(ctx) {
    let args;
    try {
      args = parseArgs(ctx.argv.slice(1), {
        flags: 'rRfiv',
        long: { recursive: 'r', force: 'f', verbose: 'v', 'no-preserve-root': 'no-preserve-root' },
      });
    } catch (error) {
      if (error instanceof UsageError) return usageFailure(ctx.stderr, 'rm', error);
      throw error;
    }
    const recursive = args.flags.has('r') || args.flags.has('R');
    const force = args.flags.has('f');
    if (args.operands.length === 0) {
      if (force) return 0;
      ctx.stderr.write("rm: missing operand\nTry 'rm --help' for more information.\n");
      return 1;
    }
    const vfs = ctx.system.vfs;
    const q = (name: string): string => quoteName(ctx.system, name);
    let status = 0;
    for (const operand of args.operands) {
      const path = ctx.resolve(operand);
      if (path === '/' && recursive && !args.flags.has('no-preserve-root')) {
        ctx.stderr.write(`rm: it is dangerous to operate recursively on ${q('/')}\nrm: use --no-preserve-root to override this failsafe\n`);
        status = 1;
        continue;
      }
      try {
        const stat = vfs.stat(path);
        if (stat.type === 'dir' && !recursive) {
          ctx.error(`cannot remove ${q(operand)}: Is a directory`);
          status = 1;
          continue;
        }
        const display = (absolute: string): string => operand.replace(/\/+$/, '') + absolute.slice(path.length);
        const ok = removeTree(vfs, path, (failed, error) => {
          ctx.error(`cannot remove ${q(display(failed))}: ${error instanceof Error ? error.message : String(error)}`);
        });
        if (!ok) status = 1;
        else if (args.flags.has('v')) ctx.stdout.write(`removed ${q(operand)}\n`);
      } catch (error) {
        if (!isFsError(error)) throw error;
        if (force && error.code === 'ENOENT') continue;
        ctx.error(`cannot remove ${q(operand)}: ${error.message}`);
        status = 1;
      }
    }
    return status;
  },
};

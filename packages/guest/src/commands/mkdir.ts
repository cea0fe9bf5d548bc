import { isFsError } from '../filesystem/errors.ts';
import { parseArgs, usageFailure, UsageError } from './support/args.ts';
import { quoteName } from './support/quote.ts';
import type { CommandDefinition } from './types.ts';

/** `mkdir [-p] [-v] DIR...` */
export const mkdir: CommandDefinition = {
  name: 'mkdir',
  path: '/usr/bin/mkdir',
  synopsis: 'mkdir [-p] directory ...',
  async run(ctx) {
    let args;
    try {
      args = parseArgs(ctx.argv.slice(1), { flags: 'pv', withValue: 'm', long: { parents: 'p', verbose: 'v' } });
    } catch (error) {
      if (error instanceof UsageError) return usageFailure(ctx.stderr, 'mkdir', error);
      throw error;
    }
    if (args.operands.length === 0) {
      ctx.stderr.write("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
      return 1;
    }
    const vfs = ctx.system.vfs;
    const mode = args.values.has('m') ? parseInt(args.values.get('m') as string, 8) : undefined;
    let status = 0;
    for (const operand of args.operands) {
      const path = ctx.resolve(operand);
      try {
        if (args.flags.has('p')) vfs.mkdirp(path);
        else vfs.mkdir(path, mode);
        if (args.flags.has('v')) ctx.stdout.write(`mkdir: created directory ${quoteName(ctx.system, operand)}\n`);
      } catch (error) {
        if (!isFsError(error)) throw error;
        ctx.error(`cannot create directory ${quoteName(ctx.system, operand)}: ${error.message}`);
        status = 1;
      }
    }
    return status;
  },
};

/** `rmdir DIR...` */
export const rmdir: CommandDefinition = {
  name: 'rmdir',
  path: '/usr/bin/rmdir',
  synopsis: 'rmdir directory ...',
  async run(ctx) {
    const operands = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (operands.length === 0) {
      ctx.stderr.write("rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const operand of operands) {
      try {
        ctx.system.vfs.rmdir(ctx.resolve(operand));
      } catch (error) {
        if (!isFsError(error)) throw error;
        ctx.error(`failed to remove ${quoteName(ctx.system, operand)}: ${error.message}`);
        status = 1;
      }
    }
    return status;
  },
};

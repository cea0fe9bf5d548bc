import { isFsError } from '../filesystem/errors.ts';
import { joinPath } from '../filesystem/path.ts';
import { coreutilsHuman } from '../format/human-size.ts';
import { parseArgs, usageFailure, UsageError } from './support/args.ts';
import { quoteName } from './support/quote.ts';
import { diskUsage } from './support/tree.ts';
import type { CommandDefinition } from './types.ts';

/** `du [-s] [-h] [-a] [-c] [FILE...]`: allocated space, in KiB or human units. */
export const du: CommandDefinition = {
  name: 'du',
  path: '/usr/bin/du',
  synopsis: 'du [-sh] [file ...]',
  async run(ctx) {
    let args;
    try {
      args = parseArgs(ctx.argv.slice(1), { flags: 'shac', long: { summarize: 's', 'human-readable': 'h', all: 'a', total: 'c' } });
    } catch (error) {
      if (error instanceof UsageError) return usageFailure(ctx.stderr, 'du', error);
      throw error;
    }
    const vfs = ctx.system.vfs;
    const format = (bytes: number): string => (args.flags.has('h') ? coreutilsHuman(bytes) : String(Math.ceil(bytes / 1024)));
    let status = 0;
    let total = 0;
    const visit = (display: string, path: string, top: boolean): number => {
      const stat = vfs.stat(path);
      if (stat.type !== 'dir') {
        if (top || args.flags.has('a')) ctx.stdout.write(`${format(stat.allocated)}\t${display}\n`);
        return stat.allocated;
      }
      if (args.flags.has('s')) {
        const size = diskUsage(vfs, path);
        ctx.stdout.write(`${format(size)}\t${display}\n`);
        return size;
      }
      let size = stat.allocated;
      for (const name of vfs.readdir(path).sort()) {
        size += visit(display === '/' ? `/${name}` : `${display}/${name}`, joinPath(path, name), false);
      }
      ctx.stdout.write(`${format(size)}\t${display}\n`);
      return size;
    };
    for (const operand of args.operands.length > 0 ? args.operands : ['.']) {
      try {
        total += visit(operand.length > 1 ? operand.replace(/\/+$/, '') : operand, ctx.resolve(operand), true);
      } catch (error) {
        if (!isFsError(error)) throw error;
        ctx.error(`cannot access ${quoteName(ctx.system, operand)}: ${error.message}`);
        status = 1;
      }
    }
    if (args.flags.has('c')) ctx.stdout.write(`${format(total)}\ttotal\n`);
    return status;
  },
};

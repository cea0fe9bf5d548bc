import { isFsError } from '../filesystem/errors.ts';
import { basename, isWithin, joinPath } from '../filesystem/path.ts';
import { parseArgs, usageFailure, UsageError } from './support/args.ts';
import { quoteName } from './support/quote.ts';
import { copyTree, removeTree } from './support/tree.ts';
import type { CommandContext, CommandDefinition } from './types.ts';

interface TransferPlan {
  sources: string[];
  destination: string;
  intoDirectory: boolean;
}

function plan(ctx: CommandContext, name: string, operands: string[]): TransferPlan | number {
  if (operands.length === 0) {
    ctx.stderr.write(`${name}: missing file operand\nTry '${name} --help' for more information.\n`);
    return 1;
  }
  if (operands.length === 1) {
    ctx.stderr.write(
      `${name}: missing destination file operand after ${quoteName(ctx.system, operands[0] as string)}\nTry '${name} --help' for more information.\n`,
    );
    return 1;
  }
  const destination = operands[operands.length - 1] as string;
  const intoDirectory = ctx.system.vfs.isDirectory(ctx.resolve(destination));
  if (operands.length > 2 && !intoDirectory) {
    ctx.error(`target ${quoteName(ctx.system, destination)} is not a directory`);
    return 1;
  }
  return { sources: operands.slice(0, -1), destination, intoDirectory };
}

function targetPath(ctx: CommandContext, planned: TransferPlan, source: string): string {
  const destination = ctx.resolve(planned.destination);
  return planned.intoDirectory ? joinPath(destination, basename(ctx.resolve(source))) : destination;
}

/** `cp [-r] [-p] SRC... DEST` */
export const cp: CommandDefinition = {
  name: 'cp',
  path: '/usr/bin/cp',
  synopsis: 'cp [-r] source ... dest',
  async run(ctx) {
    let args;
    try {
      args = parseArgs(ctx.argv.slice(1), { flags: 'rRapfiv', long: { recursive: 'r', archive: 'a', force: 'f' } });
    } catch (error) {
      if (error instanceof UsageError) return usageFailure(ctx.stderr, 'cp', error);
      throw error;
    }
    const planned = plan(ctx, 'cp', args.operands);
    if (typeof planned === 'number') return planned;
    const recursive = args.flags.has('r') || args.flags.has('R') || args.flags.has('a');
    const preserve = args.flags.has('p') || args.flags.has('a');
    const vfs = ctx.system.vfs;
    const q = (name: string): string => quoteName(ctx.system, name);
    let status = 0;
    for (const source of planned.sources) {
      const from = ctx.resolve(source);
      const to = targetPath(ctx, planned, source);
      try {
        const stat = vfs.stat(from);
        if (stat.type === 'dir') {
          if (!recursive) {
            ctx.error(ctx.system.profile.generation === 'legacy' ? `omitting directory ${q(source)}` : `-r not specified; omitting directory ${q(source)}`);
            status = 1;
            continue;
          }
          if (isWithin(to, from)) {
            ctx.error(`cannot copy a directory, ${q(source)}, into itself, ${q(planned.destination)}`);
            status = 1;
            continue;
          }
        } else if (vfs.isDirectory(to)) {
          ctx.error(`cannot overwrite directory ${q(planned.destination)} with non-directory`);
          status = 1;
          continue;
        }
        if (from === to) {
          ctx.error(`${q(source)} and ${q(planned.destination)} are the same file`);
          status = 1;
          continue;
        }
        copyTree(vfs, from, to, preserve);
      } catch (error) {
        if (!isFsError(error)) throw error;
        const verb = vfs.exists(from) ? `cannot create regular file ${q(planned.destination)}` : `cannot stat ${q(source)}`;
        ctx.error(`${verb}: ${error.message}`);
        status = 1;
      }
    }
    return status;
  },
};

/** `mv SRC... DEST`: rename within a filesystem, copy + delete across mounts. */
export const mv: CommandDefinition = {
  name: 'mv',
  path: '/usr/bin/mv',
  synopsis: 'mv source ... dest',
  async run(ctx) {
    const operands = ctx.argv.slice(1).filter((a) => !/^-[fivn]+$/.test(a));
    const planned = plan(ctx, 'mv', operands);
    if (typeof planned === 'number') return planned;
    const vfs = ctx.system.vfs;
    const q = (name: string): string => quoteName(ctx.system, name);
    let status = 0;
    for (const source of planned.sources) {
      const from = ctx.resolve(source);
      const to = targetPath(ctx, planned, source);
      try {
        vfs.stat(from);
        if (from !== to && isWithin(to, from)) {
          ctx.error(`cannot move ${q(source)} to a subdirectory of itself, ${q(planned.destination)}`);
          status = 1;
          continue;
        }
        try {
          vfs.rename(from, to);
        } catch (error) {
          if (!isFsError(error, 'EXDEV')) throw error;
          copyTree(vfs, from, to, true);
          removeTree(vfs, from, () => undefined);
        }
      } catch (error) {
        if (!isFsError(error)) throw error;
        const what = vfs.exists(from) ? `cannot move ${q(source)} to ${q(planned.destination)}` : `cannot stat ${q(source)}`;
        ctx.error(`${what}: ${error.message}`);
        status = 1;
      }
    }
    return status;
  },
};

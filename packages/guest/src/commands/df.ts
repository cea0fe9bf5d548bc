import { isFsError } from '../filesystem/errors.ts';
import type { MountEntry } from '../filesystem/vfs.ts';
import { formatTable } from '../format/columns.ts';
import { coreutilsHuman } from '../format/human-size.ts';
import { parseArgs, usageFailure, UsageError } from './support/args.ts';
import type { CommandDefinition } from './types.ts';

function percent(used: number, available: number): string {
  const total = used + available;
  if (total === 0) return '-';
  return `${Math.ceil((used * 100) / total)}%`;
}

/**
 * `df [-h] [-T] [FILE...]` in coreutils 8.22+ layout (column widths grow
 * with the content, minimum 14 for Filesystem, as the guide's output shows).
 */
export const df: CommandDefinition = {
  name: 'df',
  path: '/usr/bin/df',
  synopsis: 'df [-hT] [file ...]',
  async run(ctx) {
    let args;
    try {
      args = parseArgs(ctx.argv.slice(1), { flags: 'hTakHP', long: { 'human-readable': 'h', 'print-type': 'T', all: 'a' } });
    } catch (error) {
      if (error instanceof UsageError) return usageFailure(ctx.stderr, 'df', error);
      throw error;
    }
    const human = args.flags.has('h') || args.flags.has('H');
    const showType = args.flags.has('T');
    const vfs = ctx.system.vfs;
    let mounts: MountEntry[] = vfs.mounts().filter((m) => !m.pseudo || args.flags.has('a'));
    let status = 0;
    if (args.operands.length > 0) {
      mounts = [];
      for (const operand of args.operands) {
        try {
          const path = ctx.resolve(operand);
          vfs.stat(path);
          mounts.push(vfs.locate(path).mount);
        } catch (error) {
          if (!isFsError(error)) throw error;
          ctx.error(`${operand}: ${error.message}`);
          status = 1;
        }
      }
    }
    const amount = (bytes: number): string => (human ? coreutilsHuman(bytes) : String(Math.ceil(bytes / 1024)));
    const header = ['Filesystem', ...(showType ? ['Type'] : []), human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
    const rows = [header];
    for (const mount of mounts) {
      const usage = mount.fs.statfs();
      rows.push([
        mount.source,
        ...(showType ? [mount.fsType] : []),
        amount(usage.totalBytes),
        amount(usage.usedBytes),
        amount(usage.availableBytes),
        percent(usage.usedBytes, usage.availableBytes),
        mount.target,
      ]);
    }
    const aligns: ('left' | 'right')[] = ['left', ...(showType ? ['left' as const] : []), 'right', 'right', 'right', 'right', 'left'];
    const minimums = [14, ...(showType ? [4] : []), 5, 5, 5, 4, 0];
    if (mounts.length > 0 || args.operands.length === 0) {
      ctx.stdout.write(`${formatTable(rows, aligns, minimums).join('\n')}\n`);
    }
    return status;
  },
};

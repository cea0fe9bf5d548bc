import { isFsError } from '../filesystem/errors.ts';
import { quoteName } from './support/quote.ts';
import type { CommandDefinition } from './types.ts';

/** `touch FILE...`: creates empty files or updates their time. */
export const touch: CommandDefinition = {
  name: 'touch',
  path: '/usr/bin/touch',
  synopsis: 'touch file ...',
  async run(ctx) {
    const operands = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (operands.length === 0) {
      ctx.stderr.write("touch: missing file operand\nTry 'touch --help' for more information.\n");
      return 1;
    }
    const vfs = ctx.system.vfs;
    let status = 0;
    for (const operand of operands) {
      const path = ctx.resolve(operand);
      try {
        if (vfs.exists(path)) vfs.setMtime(path, ctx.system.clock.now());
        else vfs.writeFile(path, '');
      } catch (error) {
        if (!isFsError(error)) throw error;
        ctx.error(`cannot touch ${quoteName(ctx.system, operand)}: ${error.message}`);
        status = 1;
      }
    }
    return status;
  },
};

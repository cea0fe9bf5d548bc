import { isFsError } from '../filesystem/errors.ts';
import type { CommandDefinition } from './types.ts';

/**
 * `cat [-n] [FILE...]`. Reading stdin, each chunk is written as soon as it
 * arrives, so `cat > index.html` stores every typed line until CTRL+D.
 */
export const cat: CommandDefinition = {
  name: 'cat',
  path: '/usr/bin/cat',
  synopsis: 'cat [-n] [file ...]',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const number = args.includes('-n');
    const operands = args.filter((a) => a !== '-n' && a !== '-u');
    let lineNo = 0;
    let atLineStart = true;
    const emit = (text: string): void => {
      if (!number) {
        ctx.stdout.write(text);
        return;
      }
      let out = '';
      for (const ch of text) {
        if (atLineStart) out += `${String(++lineNo).padStart(6)}\t`;
        out += ch;
        atLineStart = ch === '\n';
      }
      ctx.stdout.write(out);
    };
    let status = 0;
    for (const operand of operands.length > 0 ? operands : ['-']) {
      if (operand === '-') {
        for (let chunk = await ctx.read(); chunk !== null; chunk = await ctx.read()) emit(chunk);
        continue;
      }
      try {
        emit(ctx.system.vfs.readFile(ctx.resolve(operand)));
      } catch (error) {
        if (!isFsError(error)) throw error;
        ctx.error(`${operand}: ${error.message}`);
        status = 1;
      }
    }
    return status;
  },
};

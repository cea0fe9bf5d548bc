import { shellQuote } from '../shell/quote.ts';
import type { CommandDefinition } from './types.ts';

/**
 * `nohup command [arg]...`: runs the command immune to hangups. The guest sends no SIGHUP when a
 * session ends (background jobs keep running), so this only runs the command, as user-data
 * scripts and tutorials write `nohup python3 -m http.server 80 &`.
 */
export const nohup: CommandDefinition = {
  name: 'nohup',
  path: '/usr/bin/nohup',
  synopsis: 'nohup command [arg]...',
  async run(ctx) {
    const argv = ctx.argv.slice(1);
    if (argv.length === 0) {
      ctx.stderr.write("nohup: missing operand\nTry 'nohup --help' for more information.\n");
      return 125;
    }
    return ctx.shell.runSource(argv.map(shellQuote).join(' '), ctx, ctx.signal, { subshell: true });
  },
};

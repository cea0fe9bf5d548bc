import type { CommandDefinition } from './types.ts';

/** `history` (builtin): numbered list ("    1  ls"), `history N`, `history -c`. */
export const history: CommandDefinition = {
  name: 'history',
  builtin: true,
  synopsis: 'history [-c] [n]',
  async run(ctx) {
    const state = ctx.shell.state;
    const arg = ctx.argv[1];
    if (arg === '-c') {
      state.history.length = 0;
      return 0;
    }
    if (arg !== undefined && !/^\d+$/.test(arg)) {
      ctx.stderr.write(`bash: history: ${arg}: numeric argument required\n`);
      return 1;
    }
    const start = arg === undefined ? 0 : Math.max(0, state.history.length - Number(arg));
    state.history.slice(start).forEach((line, i) => {
      ctx.stdout.write(`${String(start + i + 1).padStart(5)}  ${line}\n`);
    });
    return 0;
  },
};

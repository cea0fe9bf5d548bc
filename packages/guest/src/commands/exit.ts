import type { CommandDefinition } from './types.ts';

function exitBuiltin(name: 'exit' | 'logout'): CommandDefinition {
  return {
    name,
    builtin: true,
    synopsis: `${name} [n]`,
    async run(ctx) {
      const state = ctx.shell.state;
      const arg = ctx.argv[1];
      if (arg === undefined) {
        state.exitRequested = state.lastStatus;
        return state.lastStatus;
      }
      if (!/^-?\d+$/.test(arg)) {
        ctx.stderr.write(`bash: ${name}: ${arg}: numeric argument required\n`);
        state.exitRequested = 2;
        return 2;
      }
      const code = ((Number(arg) % 256) + 256) % 256;
      state.exitRequested = code;
      return code;
    },
  };
}

/** `exit` / `logout` (builtins): end the shell; the session then closes. */
export const exit = exitBuiltin('exit');
export const logout = exitBuiltin('logout');

/** `true` / `false` */
export const trueCommand: CommandDefinition = { name: 'true', builtin: true, synopsis: 'true', run: async () => 0 };
export const falseCommand: CommandDefinition = { name: 'false', builtin: true, synopsis: 'false', run: async () => 1 };

import type { CommandDefinition } from './types.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `export` (builtin): export NAME[=value]...; alone, lists exported variables as bash does. */
export const exportCommand: CommandDefinition = {
  name: 'export',
  builtin: true,
  synopsis: 'export [name[=value] ...]',
  async run(ctx) {
    const vars = ctx.shell.state.vars;
    const args = ctx.argv.slice(1).filter((a) => a !== '-p');
    if (args.length === 0) {
      for (const name of vars.names()) {
        if (!vars.isExported(name)) continue;
        const value = (vars.get(name) ?? '').replace(/(["\\$`])/g, '\\$1');
        ctx.stdout.write(`declare -x ${name}="${value}"\n`);
      }
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!NAME.test(name)) {
        ctx.stderr.write(`bash: export: \`${arg}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      vars.export(name, eq < 0 ? undefined : arg.slice(eq + 1));
    }
    return status;
  },
};

/** `unset` (builtin) */
export const unset: CommandDefinition = {
  name: 'unset',
  builtin: true,
  synopsis: 'unset [name ...]',
  async run(ctx) {
    for (const name of ctx.argv.slice(1).filter((a) => a !== '-v')) ctx.shell.state.vars.unset(name);
    return 0;
  },
};

/** `env`: prints the environment of the process. */
export const env: CommandDefinition = {
  name: 'env',
  path: '/usr/bin/env',
  synopsis: 'env',
  async run(ctx) {
    for (const [name, value] of ctx.env) ctx.stdout.write(`${name}=${value}\n`);
    return 0;
  },
};

import type { CommandDefinition } from './types.ts';

/** `nproc`: the vCPUs of the instance's flavor (coreutils; `--all` prints the same here). */
export const nproc: CommandDefinition = {
  name: 'nproc',
  path: '/usr/bin/nproc',
  synopsis: 'nproc [--all]',
  async run(ctx) {
    const unknown = ctx.argv.slice(1).find((arg) => arg !== '--all');
    if (unknown !== undefined) {
      ctx.error(`unrecognized option '${unknown}'\nTry 'nproc --help' for more information.`);
      return 1;
    }
    ctx.stdout.write(`${ctx.system.vcpus}\n`);
    return 0;
  },
};

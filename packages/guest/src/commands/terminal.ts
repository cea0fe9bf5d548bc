import type { CommandDefinition } from './types.ts';

/** `clear`: ANSI home + erase display (+ scrollback, as ncurses' clear does). */
export const clear: CommandDefinition = {
  name: 'clear',
  path: '/usr/bin/clear',
  synopsis: 'clear',
  async run(ctx) {
    ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
};

/** `which NAME...`: the binary path of programs on PATH. */
export const which: CommandDefinition = {
  name: 'which',
  path: '/usr/bin/which',
  synopsis: 'which name ...',
  async run(ctx) {
    let status = 0;
    for (const name of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
      const definition = ctx.system.commands.lookup(name, ctx.system);
      if (definition?.path) {
        ctx.stdout.write(`${definition.path}\n`);
      } else {
        const path = ctx.env.get('PATH') ?? ctx.system.profile.path;
        ctx.stderr.write(
          ctx.system.profile.generation === 'legacy' ? `/usr/bin/which: no ${name} in (${path})\n` : '',
        );
        status = 1;
      }
    }
    return status;
  },
};

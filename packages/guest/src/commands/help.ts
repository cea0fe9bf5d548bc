import type { CommandDefinition } from './types.ts';

/** `help` (builtin): bash's banner, then what this guest can run. */
export const help: CommandDefinition = {
  name: 'help',
  builtin: true,
  synopsis: 'help',
  async run(ctx) {
    const topic = ctx.argv[1];
    const registry = ctx.system.commands;
    if (topic !== undefined) {
      const definition = registry.lookup(topic, ctx.system);
      if (!definition?.builtin) {
        ctx.stderr.write(
          `bash: help: no help topics match \`${topic}'.  Try \`help help' or \`man -k ${topic}' or \`info ${topic}'.\n`,
        );
        return 1;
      }
      ctx.stdout.write(`${topic}: ${definition.synopsis ?? topic}\n`);
      return 0;
    }
    const builtins = registry
      .all()
      .filter((d) => d.builtin)
      .map((d) => d.synopsis ?? d.name)
      .sort();
    const programs = registry.names(ctx.system).filter((name) => !registry.lookup(name, ctx.system)?.builtin);
    ctx.stdout.write(
      `GNU bash, version ${ctx.system.profile.bashVersion} (x86_64-redhat-linux-gnu)\n` +
        'These shell commands are defined internally.  Type `help\' to see this list.\n' +
        'Type `help name\' to find out more about the function `name\'.\n\n' +
        `${builtins.map((b) => ` ${b}`).join('\n')}\n\n` +
        `Programs installed on this machine:\n${programs.join(' ')}\n`,
    );
    return 0;
  },
};

/** `type` (builtin): how a name would be run. */
export const type: CommandDefinition = {
  name: 'type',
  builtin: true,
  synopsis: 'type name [name ...]',
  async run(ctx) {
    let status = 0;
    for (const name of ctx.argv.slice(1)) {
      const definition = ctx.system.commands.lookup(name, ctx.system);
      if (!definition) {
        ctx.stderr.write(`bash: type: ${name}: not found\n`);
        status = 1;
      } else if (definition.builtin) {
        ctx.stdout.write(`${name} is a shell builtin\n`);
      } else {
        ctx.stdout.write(`${name} is ${definition.path ?? name}\n`);
      }
    }
    return status;
  },
};

/** `source FILE` / `. FILE` (builtin): runs a script in the current shell. */
function sourceBuiltin(name: string): CommandDefinition {
  return {
    name,
    builtin: true,
    synopsis: `${name} filename [arguments]`,
    async run(ctx) {
      const file = ctx.argv[1];
      if (file === undefined) {
        ctx.stderr.write(`bash: ${name}: filename argument required\n`);
        return 2;
      }
      let source: string;
      try {
        source = ctx.system.vfs.readFile(ctx.resolve(file));
      } catch (error) {
        ctx.stderr.write(`bash: ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
      }
      return ctx.shell.runSource(source, ctx, ctx.signal);
    },
  };
}

export const source = sourceBuiltin('source');
export const dot = sourceBuiltin('.');

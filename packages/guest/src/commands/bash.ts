import type { CommandDefinition } from './types.ts';

function shellProgram(name: string, path: string): CommandDefinition {
  return {
    name,
    path,
    synopsis: `${name} [-c command | script [args]]`,
    async run(ctx) {
      const args = ctx.argv.slice(1);
      if (args[0] === '--version') {
        ctx.stdout.write(`GNU bash, version ${ctx.system.profile.bashVersion} (x86_64-redhat-linux-gnu)\n`);
        return 0;
      }
      if (args[0] === '-c') {
        const source = args[1];
        if (source === undefined) {
          ctx.stderr.write(`${name}: -c: option requires an argument\n`);
          return 2;
        }
        return ctx.shell.runSource(source, ctx, ctx.signal, { subshell: true, args: args.slice(3) });
      }
      const script = args[0];
      if (script === undefined) {
        // an interactive sub-shell is not simulated; read commands from stdin like `bash < file`
        return ctx.shell.runSource(await ctx.readAll(), ctx, ctx.signal, { subshell: true, args: [] });
      }
      let source: string;
      try {
        source = ctx.system.vfs.readFile(ctx.resolve(script));
      } catch (error) {
        ctx.stderr.write(`${name}: ${script}: ${error instanceof Error ? error.message : String(error)}\n`);
        return 127;
      }
      return ctx.shell.runSource(source.replace(/^#![^\n]*\n/, ''), ctx, ctx.signal, { subshell: true, args: args.slice(1) });
    },
  };
}

/** `bash -c '...'`, `bash script.sh`, `sh script.sh` */
export const bash = shellProgram('bash', '/usr/bin/bash');
export const sh = shellProgram('sh', '/usr/bin/sh');

import { isFsError } from '../filesystem/errors.ts';
import type { CommandDefinition } from './types.ts';

/** `cd` (builtin): changes the shell's directory, maintaining PWD/OLDPWD; `cd -` prints the new one. */
export const cd: CommandDefinition = {
  name: 'cd',
  builtin: true,
  synopsis: 'cd [dir]',
  async run(ctx) {
    const state = ctx.shell.state;
    const args = ctx.argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
    if (args.length > 1) {
      ctx.stderr.write('bash: cd: too many arguments\n');
      return 1;
    }
    let target = args[0] ?? state.home;
    let announce = false;
    if (target === '-') {
      const previous = state.vars.get('OLDPWD');
      if (!previous) {
        ctx.stderr.write('bash: cd: OLDPWD not set\n');
        return 1;
      }
      target = previous;
      announce = true;
    }
    const path = ctx.resolve(target);
    try {
      const stat = ctx.system.vfs.stat(path);
      if (stat.type !== 'dir') {
        ctx.stderr.write(`bash: cd: ${target}: Not a directory\n`);
        return 1;
      }
    } catch (error) {
      if (!isFsError(error)) throw error;
      ctx.stderr.write(`bash: cd: ${target}: ${error.message}\n`);
      return 1;
    }
    state.vars.set('OLDPWD', state.cwd);
    state.cwd = path;
    state.vars.set('PWD', path);
    if (announce) ctx.stdout.write(`${path}\n`);
    return 0;
  },
};

/** `pwd` (builtin) */
export const pwd: CommandDefinition = {
  name: 'pwd',
  builtin: true,
  synopsis: 'pwd',
  async run(ctx) {
    ctx.stdout.write(`${ctx.shell.state.cwd}\n`);
    return 0;
  },
};

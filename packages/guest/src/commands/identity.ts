import type { CommandDefinition } from './types.ts';

/** `hostname` */
export const hostname: CommandDefinition = {
  name: 'hostname',
  path: '/usr/bin/hostname',
  synopsis: 'hostname [-I]',
  async run(ctx) {
    const flag = ctx.argv[1];
    if (flag === '-I' || flag === '-i') ctx.stdout.write(`${ctx.system.network.ip} \n`);
    else if (flag === '-s') ctx.stdout.write(`${ctx.system.hostname.split('.')[0]}\n`);
    else ctx.stdout.write(`${ctx.system.hostname}\n`);
    return 0;
  },
};

/** `whoami` */
export const whoami: CommandDefinition = {
  name: 'whoami',
  path: '/usr/bin/whoami',
  synopsis: 'whoami',
  async run(ctx) {
    ctx.stdout.write('root\n');
    return 0;
  },
};

/** `id` */
export const id: CommandDefinition = {
  name: 'id',
  path: '/usr/bin/id',
  synopsis: 'id [-u|-g|-n]',
  async run(ctx) {
    const args = ctx.argv.slice(1).join(' ');
    if (/-u/.test(args) || /-g/.test(args)) ctx.stdout.write(args.includes('n') ? 'root\n' : '0\n');
    else ctx.stdout.write('uid=0(root) gid=0(root) groups=0(root)\n');
    return 0;
  },
};

/** `uname [-asnrvmpio]` */
export const uname: CommandDefinition = {
  name: 'uname',
  path: '/usr/bin/uname',
  synopsis: 'uname [-a]',
  async run(ctx) {
    const { profile, hostname: node } = ctx.system;
    const flags = new Set(ctx.argv.slice(1).flatMap((a) => (a.startsWith('-') ? [...a.slice(1)] : [])));
    const all = flags.has('a');
    const fields: string[] = [];
    if (all || flags.has('s') || flags.size === 0) fields.push('Linux');
    if (all || flags.has('n')) fields.push(node);
    if (all || flags.has('r')) fields.push(profile.kernelRelease);
    if (all || flags.has('v')) fields.push(profile.kernelVersion);
    if (all || flags.has('m')) fields.push('x86_64');
    if (all || flags.has('p')) fields.push('x86_64');
    if (all || flags.has('i')) fields.push('x86_64');
    if (all || flags.has('o')) fields.push('GNU/Linux');
    ctx.stdout.write(`${fields.join(' ')}\n`);
    return 0;
  },
};

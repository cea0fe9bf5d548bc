import type { PowerAction } from '../host.ts';
import type { CommandContext, CommandDefinition } from './types.ts';

function parseShutdownTime(spec: string | undefined): number | undefined {
  if (spec === undefined) return 60_000;
  if (spec === 'now' || spec === '+0') return 0;
  const minutes = /^\+?(\d+)$/.exec(spec);
  return minutes ? Number(minutes[1]) * 60_000 : undefined;
}

function request(ctx: CommandContext, action: PowerAction): number {
  ctx.system.requestPower(action);
  return 0;
}

/**
 * `shutdown [-h|-r|-c] [now|+m]`. Power changes are the cloud's business:
 * the guest only asks the host, which then halts (and maybe boots) it.
 */
export const shutdown: CommandDefinition = {
  name: 'shutdown',
  path: '/usr/sbin/shutdown',
  synopsis: 'shutdown [-h|-r|-c] [time]',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args.includes('-c')) return 0;
    const action: PowerAction = args.includes('-r') ? 'reboot' : 'stop';
    const delay = parseShutdownTime(args.find((a) => !a.startsWith('-')));
    if (delay === undefined) {
      ctx.stderr.write(`Failed to parse time specification: ${args.find((a) => !a.startsWith('-'))}\n`);
      return 1;
    }
    if (delay === 0) return request(ctx, action);
    const at = new Date(ctx.system.clock.now() + delay).toUTCString().replace('GMT', 'UTC');
    ctx.stdout.write(`Shutdown scheduled for ${at}, use 'shutdown -c' to cancel.\n`);
    ctx.system.scheduler.after(delay, () => ctx.system.requestPower(action));
    return 0;
  },
};

function immediate(name: string, action: PowerAction): CommandDefinition {
  return {
    name,
    path: `/usr/sbin/${name}`,
    synopsis: name,
    run: async (ctx) => request(ctx, action),
  };
}

export const poweroff = immediate('poweroff', 'stop');
export const halt = immediate('halt', 'stop');
export const reboot = immediate('reboot', 'reboot');

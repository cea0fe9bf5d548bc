import { dateCommandFormat, strftime } from '../format/dates.ts';
import type { CommandDefinition } from './types.ts';

/** `date [+FORMAT]` (UTC) */
export const date: CommandDefinition = {
  name: 'date',
  path: '/usr/bin/date',
  synopsis: 'date [+format]',
  async run(ctx) {
    const now = ctx.system.clock.now();
    const format = ctx.argv.slice(1).find((a) => a.startsWith('+'));
    ctx.stdout.write(`${format ? strftime(format.slice(1), now) : dateCommandFormat(now)}\n`);
    return 0;
  },
};

/** " 17:03:15 up 5 min,  1 user,  load average: 0.00, 0.01, 0.05" */
export function uptimeLine(nowMs: number, bootedAtMs: number, users: number): string {
  const time = new Date(nowMs).toISOString().slice(11, 19);
  const minutes = Math.max(0, Math.floor((nowMs - bootedAtMs) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  let up = '';
  if (days > 0) up += `${days} day${days === 1 ? '' : 's'}, `;
  up += hours > 0 ? `${String(hours).padStart(2)}:${String(mins).padStart(2, '0')}` : `${mins} min`;
  return ` ${time} up ${up},  ${users} user${users === 1 ? '' : 's'},  load average: 0.00, 0.01, 0.05`;
}

/** `uptime` */
export const uptime: CommandDefinition = {
  name: 'uptime',
  path: '/usr/bin/uptime',
  synopsis: 'uptime',
  async run(ctx) {
    const { clock } = ctx.system;
    ctx.stdout.write(`${uptimeLine(clock.now(), ctx.system.bootedAtMs(), ctx.system.loggedInUsers())}\n`);
    return 0;
  },
};

/** Parses sleep's durations: "5", "0.5", "2m", "1h". */
export function parseDuration(spec: string): number | undefined {
  const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(spec);
  if (!match) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? ''] ?? 1000;
  return Number(match[1]) * unit;
}

/** `sleep N[smhd]...`: waits on the simulated clock; CTRL+C interrupts it. */
export const sleep: CommandDefinition = {
  name: 'sleep',
  path: '/usr/bin/sleep',
  synopsis: 'sleep number[smhd]',
  async run(ctx) {
    const specs = ctx.argv.slice(1);
    if (specs.length === 0) {
      ctx.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    let total = 0;
    for (const spec of specs) {
      const ms = parseDuration(spec);
      if (ms === undefined) {
        ctx.stderr.write(`sleep: invalid time interval ${ctx.system.profile.generation === 'legacy' ? `‘${spec}’` : `'${spec}'`}\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      total += ms;
    }
    await ctx.sleep(total);
    return 0;
  },
};

import type { ProcessInfo } from '../machine/process-table.ts';
import type { CommandDefinition } from './types.ts';

function cpuTime(): string {
  return '00:00:00';
}

/**
 * `ps` (processes of this terminal), `ps -ef` and `ps aux` (all). The
 * shell itself, its jobs and the system daemons come from the process table.
 */
export const ps: CommandDefinition = {
  name: 'ps',
  path: '/usr/bin/ps',
  synopsis: 'ps [-ef | aux]',
  async run(ctx) {
    const args = ctx.argv.slice(1).join(' ');
    const processes = ctx.system.processes.list();
    const pidWidth = ctx.system.profile.generation === 'legacy' ? 5 : 7;
    const name = (p: ProcessInfo): string => (p.command.split(' ')[0]?.split('/').pop() ?? p.command).replace(/^-/, '');
    if (/\baux\b|^-?aux/.test(args) || args.includes('-e') || args.includes('-A')) {
      if (args.includes('-f') || args.includes('-e')) {
        ctx.stdout.write('UID        PID  PPID  C STIME TTY          TIME CMD\n');
        for (const p of processes) {
          const stime = new Date(p.startedAtMs).toISOString().slice(11, 16);
          ctx.stdout.write(
            `root     ${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)}  0 ${stime} ${p.tty.padEnd(8)} ${cpuTime()} ${p.command}\n`,
          );
        }
        return 0;
      }
      ctx.stdout.write('USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n');
      for (const p of processes) {
        const start = new Date(p.startedAtMs).toISOString().slice(11, 16);
        const stat = p.pid === ctx.pid ? 'R+' : p.tty === '?' ? 'Ss' : 'S';
        ctx.stdout.write(
          `root     ${String(p.pid).padStart(5)}  0.0  0.1 ${'115544'.padStart(6)} ${'2048'.padStart(5)} ${p.tty.padEnd(8)} ${stat.padEnd(4)} ${start}   0:00 ${p.command}\n`,
        );
      }
      return 0;
    }
    const tty = ctx.shell.tty;
    ctx.stdout.write(`${'PID'.padStart(pidWidth)} TTY          TIME CMD\n`);
    for (const p of processes) {
      if (p.tty !== tty || (tty === '?' && p.sessionId === undefined)) continue;
      ctx.stdout.write(`${String(p.pid).padStart(pidWidth)} ${p.tty.padEnd(8)} ${cpuTime()} ${name(p)}\n`);
    }
    return 0;
  },
};

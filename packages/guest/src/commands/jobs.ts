import { parseSignal, sendSignal, type SignalName } from '../time/signals.ts';
import type { Job } from '../shell/jobs.ts';
import type { CommandContext, CommandDefinition } from './types.ts';

/** `jobs` (builtin): `[1]+  Running                 sleep 100 &` */
export const jobs: CommandDefinition = {
  name: 'jobs',
  builtin: true,
  synopsis: 'jobs [-l]',
  async run(ctx) {
    const table = ctx.shell.state.jobs;
    const long = ctx.argv.includes('-l');
    for (const job of table.list()) {
      const line = table.formatLine(job, { withAmpersand: true });
      ctx.stdout.write(long ? `${line.replace(/^(\[\d+\][+ -])/, `$1 ${job.pid}`)}\n` : `${line}\n`);
    }
    table.markAllReported();
    return 0;
  },
};

function findJob(ctx: CommandContext, name: string, spec: string | undefined): Job | undefined {
  const job = ctx.shell.state.jobs.find(spec ?? '%+');
  if (!job || job.state !== 'Running') {
    ctx.stderr.write(`bash: ${name}: ${spec ?? 'current'}: no such job\n`);
    return undefined;
  }
  return job;
}

/** `fg` (builtin): brings a background job to the foreground; CTRL+C then reaches it. */
export const fg: CommandDefinition = {
  name: 'fg',
  builtin: true,
  synopsis: 'fg [job_spec]',
  async run(ctx) {
    const job = findJob(ctx, 'fg', ctx.argv[1]);
    if (!job) return 1;
    ctx.stdout.write(`${job.source}\n`);
    const status = await ctx.shell.foreground(job);
    ctx.shell.state.jobs.forget(job);
    return status;
  },
};

/** `wait` (builtin): waits for all background jobs, or the given ones. */
export const wait: CommandDefinition = {
  name: 'wait',
  builtin: true,
  synopsis: 'wait [id ...]',
  async run(ctx) {
    const table = ctx.shell.state.jobs;
    const specs = ctx.argv.slice(1);
    const targets = specs.length === 0 ? table.list() : specs.map((s) => (s.startsWith('%') ? table.find(s) : table.list().find((j) => String(j.pid) === s)));
    let status = 0;
    for (const job of targets) {
      if (!job) {
        status = 127;
        continue;
      }
      const abort = new Promise<number>((resolve) => ctx.signal.addEventListener('abort', () => resolve(130), { once: true }));
      status = await Promise.race([job.completion, abort]);
      if (ctx.signal.aborted) return 130;
    }
    return status;
  },
};

const SIGNAL_LIST =
  ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n' +
  ' 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n' +
  '11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n';

/** `kill` (builtin): signals pids or jobs (%1); default SIGTERM. */
export const kill: CommandDefinition = {
  name: 'kill',
  builtin: true,
  synopsis: 'kill [-s sigspec | -sigspec] pid | jobspec ...',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let signal: SignalName = 'SIGTERM';
    if (args[0] === '-l' || args[0] === '-L') {
      ctx.stdout.write(SIGNAL_LIST);
      return 0;
    }
    if (args[0] === '-s' || args[0] === '-n') {
      args.shift();
      const parsed = parseSignal(args.shift() ?? '');
      if (!parsed) {
        ctx.stderr.write('bash: kill: invalid signal specification\n');
        return 1;
      }
      signal = parsed;
    } else if (args[0]?.startsWith('-') && args[0].length > 1) {
      const spec = (args.shift() as string).slice(1);
      const parsed = parseSignal(spec);
      if (!parsed) {
        ctx.stderr.write(`bash: kill: ${spec}: invalid signal specification\n`);
        return 1;
      }
      signal = parsed;
    }
    if (args.length === 0) {
      ctx.stderr.write(
        'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
      );
      return 2;
    }
    let status = 0;
    for (const target of args) {
      if (target.startsWith('%')) {
        const job = ctx.shell.state.jobs.find(target);
        if (!job || job.state !== 'Running') {
          ctx.stderr.write(`bash: kill: ${target}: no such job\n`);
          status = 1;
          continue;
        }
        sendSignal(job.controller, signal);
        continue;
      }
      if (!/^\d+$/.test(target)) {
        ctx.stderr.write(`bash: kill: ${target}: arguments must be process or job IDs\n`);
        status = 1;
        continue;
      }
      const pid = Number(target);
      // an interactive bash ignores SIGTERM sent to itself
      if (pid === ctx.shell.state.pid) continue;
      const job = ctx.shell.state.jobs.list().find((j) => j.pid === pid && j.state === 'Running');
      if (job) {
        sendSignal(job.controller, signal);
        continue;
      }
      if (!ctx.system.processes.signal(pid, signal)) {
        ctx.stderr.write(`bash: kill: (${pid}) - No such process\n`);
        status = 1;
      }
    }
    return status;
  },
};

import type { CommandDefinition } from './types.ts';

/** Lines per burst: one burst per 100 ms of simulated time keeps real work small while the guest counts a busy CPU. */
const BURST_LINES = 512;

/**
 * `yes [STRING]`: prints the string (y) forever, the classic busy loop (`yes > /dev/null &`). The
 * guest counts it as a process that keeps one vCPU busy (`Guest.usage()`); it ends on a signal
 * (CTRL+C, kill), or with SIGPIPE when a pipe's reader goes away.
 */
export const yes: CommandDefinition = {
  name: 'yes',
  path: '/usr/bin/yes',
  synopsis: 'yes [STRING]',
  async run(ctx) {
    const line = `${ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y'}\n`;
    const burst = line.repeat(BURST_LINES);
    while (!ctx.signal.aborted) {
      ctx.stdout.write(burst);
      if (ctx.signal.aborted) break;
      await ctx.sleep(100);
    }
    return 0;
  },
};

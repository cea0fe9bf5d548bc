import type { CommandDefinition } from '../commands/types.ts';
import type { PingOutcome } from '../host.ts';
import { isIpv4 } from '../machine/identity.ts';
import { Interrupted, interruptible } from '../time/signals.ts';

/**
 * `ping [-c count] [-i interval] HOST`: one echo request per interval through
 * `host.ping` (the engine evaluates routes and security groups); runs until
 * CTRL+C or the count, then prints iputils' statistics.
 */
export const ping: CommandDefinition = {
  name: 'ping',
  path: '/usr/bin/ping',
  synopsis: 'ping [-c count] [-i interval] host',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let count = Infinity;
    let intervalMs = 1000;
    let target: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (arg === '-c') count = Number(args[++i]);
      else if (arg.startsWith('-c')) count = Number(arg.slice(2));
      else if (arg === '-i') intervalMs = Number(args[++i]) * 1000;
      else if (arg === '-W' || arg === '-w' || arg === '-s' || arg === '-t') i++;
      else if (!arg.startsWith('-')) target = arg;
    }
    const legacy = ctx.system.profile.generation === 'legacy';
    if (target === undefined) {
      ctx.stderr.write(
        legacy
          ? 'Usage: ping [-aAbBdDfhLnOqrRUvV] [-c count] [-i interval] [-I interface]\n            [-m mark] [-M pmtudisc_option] [-l preload] [-p pattern] [-Q tos]\n            [-s packetsize] [-S sndbuf] [-t ttl] [-T timestamp_option]\n            [-w deadline] [-W timeout] [hop1 ...] destination\n'
          : 'ping: usage error: Destination address required\n',
      );
      return 2;
    }
    if (!Number.isFinite(count) && count !== Infinity) {
      ctx.stderr.write(`ping: bad number of packets to transmit.\n`);
      return 2;
    }
    const ports = ctx.system.ports;
    let address: string | null = target === 'localhost' ? '127.0.0.1' : isIpv4(target) ? target : null;
    if (address === null && ctx.system.host.resolveHostname) address = await ctx.system.host.resolveHostname(target);
    if (address === null) {
      ctx.stderr.write(legacy ? `ping: unknown host ${target}\n` : `ping: ${target}: Name or service not known\n`);
      return 2;
    }
    ctx.stdout.write(`PING ${target} (${address}) 56(84) bytes of data.\n`);
    const started = ctx.system.clock.now();
    const rtts: number[] = [];
    let transmitted = 0;
    let errors = 0;
    try {
      for (let seq = 1; seq <= count; seq++) {
        transmitted++;
        const outcome: PingOutcome = ports.isLocalAddress(address)
          ? { kind: 'reply', ttl: 64, rttMs: 0.04 }
          : await interruptible(ctx.system.host.ping(address, ctx.signal), ctx.signal);
        if (outcome.kind === 'reply') {
          rtts.push(outcome.rttMs);
          const time = outcome.rttMs < 10 ? outcome.rttMs.toFixed(2) : outcome.rttMs.toFixed(1);
          ctx.stdout.write(`64 bytes from ${address}: icmp_seq=${seq} ttl=${outcome.ttl} time=${time} ms\n`);
        } else if (outcome.kind === 'unreachable') {
          errors++;
          ctx.stdout.write(`From ${outcome.from} icmp_seq=${seq} Destination Host Unreachable\n`);
        }
        if (seq < count) await ctx.sleep(intervalMs);
      }
    } catch (error) {
      if (!(error instanceof Interrupted) || error.signal !== 'SIGINT') throw error;
    }
    const elapsed = Math.max(0, Math.round(ctx.system.clock.now() - started));
    const received = rtts.length;
    const loss = transmitted === 0 ? 0 : Math.floor(((transmitted - received) * 100) / transmitted);
    ctx.stdout.write(
      `\n--- ${target} ping statistics ---\n` +
        `${transmitted} packets transmitted, ${received} received, ${errors > 0 ? `+${errors} errors, ` : ''}${loss}% packet loss, time ${elapsed}ms\n`,
    );
    if (received > 0) {
      const min = Math.min(...rtts);
      const max = Math.max(...rtts);
      const avg = rtts.reduce((a, b) => a + b, 0) / received;
      const mdev = Math.sqrt(rtts.reduce((a, b) => a + (b - avg) ** 2, 0) / received);
      ctx.stdout.write(`rtt min/avg/max/mdev = ${[min, avg, max, mdev].map((v) => v.toFixed(3)).join('/')} ms\n`);
    }
    return received > 0 ? 0 : 1;
  },
};

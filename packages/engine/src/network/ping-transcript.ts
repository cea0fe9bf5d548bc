// Fake `ping` output for the instance console, shaped like Linux iputils so it
// looks familiar. Round-trip times come from a seeded generator so the same
// seed always prints the same transcript (stable tests and screenshots).
import { ipFamily } from '@sandcloud/domain';

/** mulberry32: tiny deterministic PRNG; quality is irrelevant here. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** iputils shows fewer decimals as times grow: 0.412, 1.23, 12.3, 123. */
function formatRtt(ms: number): string {
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

/**
 * Lines of `ping -c <count> <targetIp>`. Allowed: one reply per packet and
 * rtt statistics. Blocked: a timeout per packet and 100% loss (security groups
 * drop silently, so there is no "unreachable" answer).
 */
export function pingTranscript(targetIp: string, verdict: { allowed: boolean }, count = 4, seed = 1): string[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`ping count must be a positive whole number, not ${count}`);

  const header =
    ipFamily(targetIp) === 'IPv6'
      ? `PING ${targetIp} (${targetIp}) 56 data bytes`
      : `PING ${targetIp} (${targetIp}) 56(84) bytes of data.`;
  // One packet per second, plus a few ms of bookkeeping, as ping reports it.
  const elapsedMs = count > 1 ? (count - 1) * 1000 + count : 0;
  const lines = [header];

  if (!verdict.allowed) {
    for (let seq = 0; seq < count; seq++) lines.push(`Request timeout for icmp_seq ${seq}`);
    lines.push('', `--- ${targetIp} ping statistics ---`);
    lines.push(`${count} packets transmitted, 0 received, 100% packet loss, time ${elapsedMs}ms`);
    return lines;
  }

  const random = seededRandom(seed);
  // Rounded to the printed precision first so the per-packet lines and the summary agree.
  const times = Array.from({ length: count }, () => Number(formatRtt(0.35 + random() * 1.1)));
  times.forEach((ms, index) => {
    lines.push(`64 bytes from ${targetIp}: icmp_seq=${index + 1} ttl=64 time=${formatRtt(ms)} ms`);
  });
  const avg = times.reduce((sum, ms) => sum + ms, 0) / count;
  const mdev = Math.sqrt(times.reduce((sum, ms) => sum + (ms - avg) ** 2, 0) / count);
  const stats = [Math.min(...times), avg, Math.max(...times), mdev].map((ms) => ms.toFixed(3)).join('/');
  lines.push('', `--- ${targetIp} ping statistics ---`);
  lines.push(`${count} packets transmitted, ${count} received, 0% packet loss, time ${elapsedMs}ms`);
  lines.push(`rtt min/avg/max/mdev = ${stats} ms`);
  return lines;
}

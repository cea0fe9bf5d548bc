import { describe, expect, it } from 'vitest';
import { pingTranscript } from './ping-transcript.ts';
import { pingTranscript as reExported } from './reachability.ts';

const ALLOWED = { allowed: true };
const BLOCKED = { allowed: false };

describe('pingTranscript', () => {
  it('prints Linux-style replies and statistics when allowed', () => {
    const lines = pingTranscript('1.2.3.4', ALLOWED);
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe('PING 1.2.3.4 (1.2.3.4) 56(84) bytes of data.');
    lines.slice(1, 5).forEach((line, index) => {
      expect(line).toMatch(new RegExp(`^64 bytes from 1\\.2\\.3\\.4: icmp_seq=${index + 1} ttl=64 time=\\d+\\.\\d{2,3} ms$`));
    });
    expect(lines.slice(5, 8)).toEqual(['', '--- 1.2.3.4 ping statistics ---', '4 packets transmitted, 4 received, 0% packet loss, time 3004ms']);
    expect(lines[8]).toMatch(/^rtt min\/avg\/max\/mdev = \d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3} ms$/);
  });

  it('reports statistics consistent with the replies', () => {
    const lines = pingTranscript('10.0.0.4', ALLOWED, 5, 42);
    const times = lines.slice(1, 6).map((line) => Number(/time=([\d.]+) ms/.exec(line)?.[1]));
    const [min, avg, max] = (lines.at(-1) ?? '').replace(/^.* = /, '').split('/').map(Number);
    expect(min).toBeCloseTo(Math.min(...times), 3);
    expect(max).toBeCloseTo(Math.max(...times), 3);
    expect(avg).toBeCloseTo(times.reduce((a, b) => a + b, 0) / times.length, 3);
  });

  it('is deterministic per seed', () => {
    expect(pingTranscript('1.2.3.4', ALLOWED, 4, 7)).toEqual(pingTranscript('1.2.3.4', ALLOWED, 4, 7));
    expect(pingTranscript('1.2.3.4', ALLOWED, 4, 7)).not.toEqual(pingTranscript('1.2.3.4', ALLOWED, 4, 8));
  });

  it('prints timeouts and total loss when blocked', () => {
    expect(pingTranscript('203.0.113.20', BLOCKED)).toEqual([
      'PING 203.0.113.20 (203.0.113.20) 56(84) bytes of data.',
      'Request timeout for icmp_seq 0',
      'Request timeout for icmp_seq 1',
      'Request timeout for icmp_seq 2',
      'Request timeout for icmp_seq 3',
      '',
      '--- 203.0.113.20 ping statistics ---',
      '4 packets transmitted, 0 received, 100% packet loss, time 3004ms',
    ]);
  });

  it('honours the count', () => {
    const lines = pingTranscript('1.2.3.4', ALLOWED, 1);
    expect(lines.filter((line) => line.startsWith('64 bytes'))).toHaveLength(1);
    expect(lines).toContain('1 packets transmitted, 1 received, 0% packet loss, time 0ms');
    expect(pingTranscript('1.2.3.4', BLOCKED, 2)).toContain('2 packets transmitted, 0 received, 100% packet loss, time 1002ms');
    expect(() => pingTranscript('1.2.3.4', ALLOWED, 0)).toThrow(RangeError);
  });

  it('uses the IPv6 header for IPv6 targets', () => {
    expect(pingTranscript('2001:db8::5', ALLOWED)[0]).toBe('PING 2001:db8::5 (2001:db8::5) 56 data bytes');
  });

  it('is also exported from reachability', () => {
    expect(reExported).toBe(pingTranscript);
  });
});

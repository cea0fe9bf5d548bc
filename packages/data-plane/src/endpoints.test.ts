import { describe, expect, it } from 'vitest';
import { httpUrl, localAddressFor, portPlan, sshCommand } from './endpoints.ts';

describe('local endpoints of floating IPs', () => {
  it('maps a.b.c.d to 127.b.c.d', () => {
    expect(localAddressFor('203.0.113.10')).toBe('127.0.113.10');
    expect(() => localAddressFor('nope')).toThrow(/not an IPv4/);
  });

  it('keeps guest ports when privileged ports can be bound, else offsets those below 1024', () => {
    expect(portPlan(true).localPort(22)).toBe(22);
    const mapped = portPlan(false);
    expect(mapped.localPort(22)).toBe(10022);
    expect(mapped.localPort(8080)).toBe(8080);
    expect(mapped.guestPort(10080)).toBe(80);
    expect(mapped.guestPort(8080)).toBe(8080);
  });

  it('prints the commands a user types', () => {
    expect(sshCommand('my_keypair', '203.0.113.10', portPlan(true))).toBe('ssh -i my_keypair.pem root@127.0.113.10');
    expect(sshCommand('my_keypair', '203.0.113.10', portPlan(false))).toBe('ssh -i my_keypair.pem -p 10022 root@127.0.113.10');
    expect(httpUrl('203.0.113.11', 80, portPlan(true))).toBe('http://127.0.113.11/');
    expect(httpUrl('203.0.113.11', 80, portPlan(false))).toBe('http://127.0.113.11:10080/');
  });
});

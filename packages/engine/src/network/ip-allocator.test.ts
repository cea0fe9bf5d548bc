import { describe, expect, it } from 'vitest';
import { nextFreeAddress, nextFreePoolAddress, poolAddresses } from './ip-allocator.ts';

// The product's layout: gateway .1, DHCP ports .2 and .3.
const RESERVED = ['192.168.0.1', '192.168.0.2', '192.168.0.3'];

describe('nextFreeAddress', () => {
  it('skips the network address and everything reserved', () => {
    expect(nextFreeAddress('192.168.0.0/24', [], RESERVED)).toBe('192.168.0.4');
    expect(nextFreeAddress('192.168.0.0/24', [], [])).toBe('192.168.0.1');
  });

  it('takes the lowest free address, so released ones are reused', () => {
    const used = new Set(['192.168.0.4', '192.168.0.5', '192.168.0.6']);
    expect(nextFreeAddress('192.168.0.0/24', used, RESERVED)).toBe('192.168.0.7');
    used.delete('192.168.0.5');
    expect(nextFreeAddress('192.168.0.0/24', used, RESERVED)).toBe('192.168.0.5');
  });

  it('never hands out the broadcast address and reports a full subnet', () => {
    // /29: .0 network, .7 broadcast, hosts .1-.6
    const used = ['10.0.0.4', '10.0.0.5'];
    expect(nextFreeAddress('10.0.0.0/29', used, ['10.0.0.1', '10.0.0.2', '10.0.0.3'])).toBe('10.0.0.6');
    expect(nextFreeAddress('10.0.0.0/29', [...used, '10.0.0.6'], ['10.0.0.1', '10.0.0.2', '10.0.0.3'])).toBeNull();
  });

  it('ignores used entries that are not IPv4 addresses', () => {
    expect(nextFreeAddress('10.0.0.0/30', ['2001:db8::1', 'garbage'], [])).toBe('10.0.0.1');
  });

  it('uses every address of /31 and /32 (no network or broadcast)', () => {
    expect(nextFreeAddress('10.0.0.0/31', [], [])).toBe('10.0.0.0');
    expect(nextFreeAddress('10.0.0.0/31', ['10.0.0.0'], [])).toBe('10.0.0.1');
    expect(nextFreeAddress('10.0.0.9/32', [], [])).toBe('10.0.0.9');
  });

  it('refuses invalid or IPv6 subnets with the reason', () => {
    expect(() => nextFreeAddress('192.168.0.5/24', [], [])).toThrow(/host bits set; did you mean 192.168.0.0\/24/);
    expect(() => nextFreeAddress('2001:db8::/64', [], [])).toThrow(/only IPv4/);
  });
});

describe('floating IP pool', () => {
  it('iterates an inclusive range across octet boundaries', () => {
    expect([...poolAddresses('203.0.113.10', '203.0.113.12')]).toEqual(['203.0.113.10', '203.0.113.11', '203.0.113.12']);
    expect([...poolAddresses('10.0.0.254', '10.0.1.1')]).toEqual(['10.0.0.254', '10.0.0.255', '10.0.1.0', '10.0.1.1']);
    expect([...poolAddresses('203.0.113.10', '203.0.113.250')]).toHaveLength(241);
  });

  it('rejects a reversed range', () => {
    expect(() => [...poolAddresses('203.0.113.250', '203.0.113.10')]).toThrow(/after pool end/);
  });

  it('allocates the lowest unused pool address and reports exhaustion', () => {
    expect(nextFreePoolAddress('203.0.113.10', '203.0.113.250', [])).toBe('203.0.113.10');
    expect(nextFreePoolAddress('203.0.113.10', '203.0.113.250', ['203.0.113.10', '203.0.113.12'])).toBe('203.0.113.11');
    expect(nextFreePoolAddress('203.0.113.10', '203.0.113.11', ['203.0.113.10', '203.0.113.11'])).toBeNull();
  });
});

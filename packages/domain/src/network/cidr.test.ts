import { describe, expect, it } from 'vitest';
import { cidrContains, cidrsOverlap, intToIpv4, ipFamily, ipv4ToInt, isValidIp, parseCidr } from './cidr.ts';

describe('parseCidr', () => {
  it.each([
    ['0.0.0.0/0', 'IPv4', '0.0.0.0', 0],
    ['10.0.0.0/8', 'IPv4', '10.0.0.0', 8],
    ['192.168.1.7/32', 'IPv4', '192.168.1.7', 32],
    ['::/0', 'IPv6', '::', 0],
    ['2001:db8::/32', 'IPv6', '2001:db8::', 32],
    ['2001:DB8:0:0::/64', 'IPv6', '2001:db8::', 64],
  ] as const)('accepts %s', (text, family, network, prefix) => {
    expect(parseCidr(text)).toEqual({
      ok: true,
      cidr: { family, network, prefix, normalized: `${network}/${prefix}` },
    });
  });

  it('treats a bare address as a single host', () => {
    expect(parseCidr('203.0.113.5')).toMatchObject({ ok: true, cidr: { normalized: '203.0.113.5/32' } });
    expect(parseCidr('2001:db8::1')).toMatchObject({ ok: true, cidr: { normalized: '2001:db8::1/128' } });
  });

  it('ignores surrounding whitespace', () => {
    expect(parseCidr(' 10.0.0.0/24 ')).toMatchObject({ ok: true, cidr: { normalized: '10.0.0.0/24' } });
  });

  it('refuses host bits instead of masking them, and suggests the network', () => {
    expect(parseCidr('10.0.0.5/24')).toEqual({
      ok: false,
      message: '10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?',
      suggestion: '10.0.0.0/24',
    });
    expect(parseCidr('2001:db8::1/64')).toEqual({
      ok: false,
      message: '2001:db8::1/64 has host bits set; did you mean 2001:db8::/64?',
      suggestion: '2001:db8::/64',
    });
    // A non-octet-aligned prefix: 172.16.5.0/20 -> 172.16.0.0/20.
    expect(parseCidr('172.16.5.0/20')).toMatchObject({ ok: false, suggestion: '172.16.0.0/20' });
  });

  it.each(['', '10.0.0/8', '10.0.0.256/32', '010.0.0.0/8', '10', 'fe80::1%eth0/64', 'example.com/24'])(
    'rejects the malformed address in %j',
    (text) => {
      const result = parseCidr(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.suggestion).toBeUndefined();
    },
  );

  it.each(['10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/', '10.0.0.0/8.5', '::/129', '10.0.0.0/ 8'])(
    'rejects the bad prefix in %j with the allowed range',
    (text) => {
      const result = parseCidr(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/prefix length must be a whole number from 0 to (32|128)/);
    },
  );
});

describe('cidrContains', () => {
  it('matches addresses inside the range only', () => {
    expect(cidrContains('10.0.0.0/24', '10.0.0.200')).toBe(true);
    expect(cidrContains('10.0.0.0/24', '10.0.1.1')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '203.0.113.5')).toBe(true);
    expect(cidrContains('203.0.113.5/32', '203.0.113.5')).toBe(true);
    expect(cidrContains('203.0.113.5/32', '203.0.113.6')).toBe(false);
    expect(cidrContains('2001:db8::/32', '2001:db8:ffff::1')).toBe(true);
    expect(cidrContains('2001:db8::/32', '2001:db9::1')).toBe(false);
  });

  it('accepts an already parsed CIDR', () => {
    const parsed = parseCidr('192.168.0.0/16');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(cidrContains(parsed.cidr, '192.168.44.1')).toBe(true);
  });

  it('never matches across families or on invalid input', () => {
    expect(cidrContains('::/0', '10.0.0.1')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '::1')).toBe(false);
    expect(cidrContains('10.0.0.5/24', '10.0.0.5')).toBe(false);
    expect(cidrContains('10.0.0.0/24', 'not-an-ip')).toBe(false);
  });
});

describe('address helpers', () => {
  it('recognises families strictly', () => {
    expect(ipFamily('10.1.2.3')).toBe('IPv4');
    expect(ipFamily('fe80::1')).toBe('IPv6');
    expect(ipFamily('10.1.2')).toBeNull();
    expect(isValidIp('255.255.255.255')).toBe(true);
    expect(isValidIp('0x0a.0.0.1')).toBe(false);
    expect(isValidIp('1.2.3.4.5')).toBe(false);
  });

  it('converts IPv4 to unsigned integers and back', () => {
    expect(ipv4ToInt('0.0.0.0')).toBe(0);
    expect(ipv4ToInt('192.168.0.1')).toBe(3232235521);
    expect(ipv4ToInt('255.255.255.255')).toBe(4294967295);
    expect(intToIpv4(3232235521)).toBe('192.168.0.1');
    expect(intToIpv4(4294967295)).toBe('255.255.255.255');
    expect(intToIpv4(ipv4ToInt('203.0.113.250'))).toBe('203.0.113.250');
  });

  it('refuses values outside IPv4', () => {
    expect(() => ipv4ToInt('::1')).toThrow(TypeError);
    expect(() => intToIpv4(-1)).toThrow(RangeError);
    expect(() => intToIpv4(2 ** 32)).toThrow(RangeError);
    expect(() => intToIpv4(1.5)).toThrow(RangeError);
  });
});

describe('cidrsOverlap', () => {
  it.each([
    ['192.168.0.0/24', '192.168.0.128/25', true],
    ['192.168.0.128/25', '192.168.0.0/24', true],
    ['10.0.0.0/8', '10.255.255.255', true],
    ['192.168.0.0/24', '192.168.1.0/24', false],
    ['0.0.0.0/0', '203.0.113.10/32', true],
    ['2001:db8::/32', '2001:db8:1::/48', true],
    ['2001:db8::/32', '2001:db9::/32', false],
    ['10.0.0.0/8', '::/0', false],
    ['10.0.0.5/24', '10.0.0.0/24', false],
  ] as const)('%s and %s: %s', (a, b, expected) => {
    expect(cidrsOverlap(a, b)).toBe(expected);
  });
});

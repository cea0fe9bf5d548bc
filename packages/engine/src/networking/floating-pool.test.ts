import { describe, expect, it } from 'vitest';
import { parseFloatingPool } from './floating-pool.ts';

describe('parseFloatingPool', () => {
  it('reads first-last, spaces allowed', () => {
    expect(parseFloatingPool('198.51.100.20 - 198.51.100.40')).toEqual({ start: '198.51.100.20', end: '198.51.100.40' });
  });

  it('says what is wrong with a pool it cannot use', () => {
    expect(parseFloatingPool('203.0.113.10')).toMatch(/not a range/);
    expect(parseFloatingPool('203.0.113.10-203.0.113.300')).toBe('203.0.113.300 is not an IPv4 address');
    expect(parseFloatingPool('127.0.0.2-127.0.0.9')).toMatch(/cannot be a public address/);
    expect(parseFloatingPool('203.0.113.50-203.0.113.10')).toBe('The pool starts at 203.0.113.50, after its end 203.0.113.10');
  });
});

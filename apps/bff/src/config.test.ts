import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('server settings', () => {
  it('defaults the floating IP pool to 203.0.113.10-250 and reads SANDCLOUD_FLOATING_POOL', () => {
    expect(readConfig({}).SANDCLOUD_FLOATING_POOL).toEqual({ start: '203.0.113.10', end: '203.0.113.250' });
    expect(readConfig({ SANDCLOUD_FLOATING_POOL: '198.51.100.20-198.51.100.40' }).SANDCLOUD_FLOATING_POOL).toEqual({ start: '198.51.100.20', end: '198.51.100.40' });
  });

  it('refuses to start with a pool it cannot use, naming the setting and the problem', () => {
    expect(() => readConfig({ SANDCLOUD_FLOATING_POOL: 'x-y' })).toThrow('Invalid setting SANDCLOUD_FLOATING_POOL: x is not an IPv4 address');
  });
});

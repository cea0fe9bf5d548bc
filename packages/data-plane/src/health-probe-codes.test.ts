import { describe, expect, it } from 'vitest';
import { matchesExpectedCodes } from './health-probe.ts';

describe('expected codes of HTTP health checks', () => {
  it('reads 200, 200,202 and 200-204 as Octavia does', () => {
    expect(matchesExpectedCodes(200, '200')).toBe(true);
    expect(matchesExpectedCodes(202, '200,202')).toBe(true);
    expect(matchesExpectedCodes(204, '200-204')).toBe(true);
    expect(matchesExpectedCodes(404, '200-204')).toBe(false);
  });
});

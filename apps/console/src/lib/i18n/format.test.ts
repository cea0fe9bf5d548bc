import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatNumber, formatRelativeTime } from './format.ts';

const moment = '2026-12-07T12:30:16Z';
const now = Date.parse(moment);

describe('formatting in the selected language', () => {
  it('writes dates the Korean way in Korean and the English way in English', () => {
    expect(formatDate('ko', moment)).toBe('2026. 12. 7.');
    expect(formatDate('en', moment)).toBe('Dec 7, 2026');
    expect(formatDateTime('ko', moment)).toMatch(/^2026\. 12\. 7\. /);
    expect(formatDateTime('en', moment)).toMatch(/^Dec 7, 2026, /);
  });

  it('says how long ago', () => {
    expect(formatRelativeTime('ko', now - 3 * 60_000, now)).toBe('3분 전');
    expect(formatRelativeTime('en', now - 3 * 60_000, now)).toBe('3 minutes ago');
    expect(formatRelativeTime('ko', now - 2 * 3600_000, now)).toBe('2시간 전');
    expect(formatRelativeTime('en', now - 26 * 3600_000, now)).toBe('yesterday');
    expect(formatRelativeTime('en', now + 5 * 60_000, now)).toBe('in 5 minutes');
  });

  it('writes numbers and sizes with the language grouping', () => {
    expect(formatNumber('ko', 1234567)).toBe('1,234,567');
    expect(formatBytes('en', 512)).toBe('512 B');
    expect(formatBytes('ko', 1.1 * 1024 ** 3)).toBe('1.1 GB');
    expect(formatBytes('en', 650 * 1024 ** 2)).toBe('650 MB');
  });
});

import { describe, expect, it } from 'vitest';
import { coreutilsHuman, lsblkHuman, procpsHuman } from './human-size.ts';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe('coreutilsHuman (df -h)', () => {
  it('rounds up with one decimal below ten', () => {
    expect(coreutilsHuman(9.82 * GiB)).toBe('9.9G');
    expect(coreutilsHuman(150.5 * MiB)).toBe('151M');
    expect(coreutilsHuman(17.72 * GiB)).toBe('18G');
    expect(coreutilsHuman(4096)).toBe('4.0K');
    expect(coreutilsHuman(0)).toBe('0');
  });

  it('carries into the next unit', () => {
    expect(coreutilsHuman(9.99 * GiB)).toBe('10G');
    expect(coreutilsHuman(1023.5 * MiB)).toBe('1.0G');
  });
});

describe('lsblkHuman', () => {
  it('drops the decimal for whole sizes', () => {
    expect(lsblkHuman(20 * GiB)).toBe('20G');
    expect(lsblkHuman(2.5 * GiB)).toBe('2.5G');
  });
});

describe('procpsHuman (free -h)', () => {
  it('uses B for zero and binary suffixes in modern procps', () => {
    expect(procpsHuman(0, false)).toBe('0B');
    expect(procpsHuman(1015808, false)).toBe('992M');
    expect(procpsHuman(2 * 1024 * 1024, true)).toBe('2.0Gi');
  });
});

import { describe, expect, it } from 'vitest';
import { computeExt4Layout, ext4SpaceModel } from './ext4-geometry.ts';

const GiB = 1024 ** 3;

describe('computeExt4Layout', () => {
  it('matches the mke2fs report of the guide for a 10 GB volume', () => {
    const layout = computeExt4Layout(10 * GiB, 'legacy');
    expect(layout.blocksCount).toBe(2621440);
    expect(layout.inodesCount).toBe(655360);
    expect(layout.reservedBlocks).toBe(131072);
    expect(layout.groupCount).toBe(80);
    expect(layout.inodesPerGroup).toBe(8192);
    expect(layout.maxFilesystemBlocks).toBe(2684354560);
    expect(layout.journalBlocks).toBe(32768);
    expect(layout.superblockBackups).toEqual([32768, 98304, 163840, 229376, 294912, 819200, 884736, 1605632]);
  });

  it('uses the smaller modern journal for mid-size disks', () => {
    expect(computeExt4Layout(10 * GiB, 'modern').journalBlocks).toBe(16384);
    expect(computeExt4Layout(1 * GiB, 'modern').journalBlocks).toBe(8192);
  });

  it('caps reserved GDT blocks at one indirect block', () => {
    expect(computeExt4Layout(100 * GiB, 'modern').reservedGdtBlocks).toBeLessThanOrEqual(1024);
  });
});

describe('ext4SpaceModel', () => {
  it('counts the journal as used in the legacy model', () => {
    const space = ext4SpaceModel(computeExt4Layout(10 * GiB, 'legacy'));
    expect(space.sizeBytes / GiB).toBeCloseTo(9.84, 2);
    expect(space.metadataUsedBytes / 1024 ** 2).toBeGreaterThan(140);
  });

  it('subtracts all metadata from Size in the modern model', () => {
    const space = ext4SpaceModel(computeExt4Layout(10 * GiB, 'modern'));
    expect(space.sizeBytes / GiB).toBeCloseTo(9.745, 2);
    expect(space.metadataUsedBytes).toBeLessThan(64 * 1024);
  });
});

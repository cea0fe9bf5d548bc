import type { SpaceModel } from '../filesystem/filesystem.ts';

/**
 * ext4 on-disk layout as mke2fs computes it for the "default" usage type
 * (4 KiB blocks, one inode per 16 KiB, 256-byte inodes, 5% reserved), so the
 * numbers in the mkfs report and in `df` follow from the device size exactly
 * as they do on a real disk. Two generations are modelled:
 *
 * - legacy (e2fsprogs 1.41/1.42, kernels of the CentOS 6/7 era): 32-byte group
 *   descriptors, the 1.42 journal size table, and statfs counting the journal
 *   and reserved GDT blocks as *used* — this reproduces the guide's
 *   `/dev/vdb 9.9G 151M 9.2G 2%` for a 10 GB volume.
 * - modern (e2fsprogs 1.46+, 64bit feature): 64-byte descriptors, smaller
 *   journals for mid-size disks, and statfs subtracting all metadata
 *   (journal included) from Size, so a fresh 10 GB volume shows 9.8G/24K.
 */
export type Ext4Generation = 'legacy' | 'modern';

export const EXT4_BLOCK_SIZE = 4096;
const BLOCKS_PER_GROUP = 32768;
const INODE_RATIO = 16384;
const INODE_SIZE = 256;
const RESERVED_RATIO = 0.05;
const ADDR_PER_BLOCK = EXT4_BLOCK_SIZE / 4;

export interface Ext4Layout {
  generation: Ext4Generation;
  blockSize: number;
  blocksCount: number;
  inodesCount: number;
  inodeSize: number;
  inodesPerGroup: number;
  blocksPerGroup: number;
  groupCount: number;
  reservedBlocks: number;
  journalBlocks: number;
  descriptorBlocks: number;
  reservedGdtBlocks: number;
  /** Groups holding a superblock backup (sparse_super: 0, 1, powers of 3, 5, 7). */
  backupGroups: number[];
  /** First block of each backup superblock (group 0 excluded, as mke2fs prints). */
  superblockBackups: number[];
  maxFilesystemBlocks: number;
  inodeTableBlocks: number;
  bitmapBlocks: number;
}

function journalBlocksFor(blocks: number, generation: Ext4Generation): number {
  if (blocks < 2048) return 0;
  if (blocks < 32768) return 1024;
  if (blocks < 256 * 1024) return 4096;
  if (blocks < 512 * 1024) return 8192;
  if (generation === 'legacy') return blocks < 1024 * 1024 ? 16384 : 32768;
  if (blocks < 4096 * 1024) return 16384;
  if (blocks < 8192 * 1024) return 32768;
  if (blocks < 16384 * 1024) return 65536;
  if (blocks < 32768 * 1024) return 131072;
  return 262144;
}

function isPowerOf(n: number, base: number): boolean {
  let value = base;
  while (value < n) value *= base;
  return value === n;
}

function backupGroupsFor(groupCount: number): number[] {
  const groups: number[] = [];
  for (let g = 0; g < groupCount; g++) {
    if (g <= 1 || isPowerOf(g, 3) || isPowerOf(g, 5) || isPowerOf(g, 7)) groups.push(g);
  }
  return groups;
}

export function computeExt4Layout(deviceBytes: number, generation: Ext4Generation): Ext4Layout {
  const blocksCount = Math.floor(deviceBytes / EXT4_BLOCK_SIZE);
  const groupCount = Math.max(1, Math.ceil(blocksCount / BLOCKS_PER_GROUP));
  const inodesPerBlock = EXT4_BLOCK_SIZE / INODE_SIZE;
  const wantedInodes = Math.floor((blocksCount * EXT4_BLOCK_SIZE) / INODE_RATIO);
  const inodesPerGroup = Math.ceil(Math.ceil(wantedInodes / groupCount) / inodesPerBlock) * inodesPerBlock;
  const descriptorSize = generation === 'legacy' ? 32 : 64;
  const descriptorsPerBlock = EXT4_BLOCK_SIZE / descriptorSize;
  const descriptorBlocks = Math.ceil(groupCount / descriptorsPerBlock);
  // resize_inode: leave room for the descriptors of a filesystem grown 1024x (32-bit limit)
  const maxBlocks = blocksCount < Math.floor(0xffffffff / 1024) ? blocksCount * 1024 : 0xffffffff;
  const reservedGroups = Math.ceil(maxBlocks / BLOCKS_PER_GROUP);
  const reservedGdtBlocks = Math.min(Math.ceil(reservedGroups / descriptorsPerBlock) - descriptorBlocks, ADDR_PER_BLOCK);
  const backupGroups = backupGroupsFor(groupCount);
  return {
    generation,
    blockSize: EXT4_BLOCK_SIZE,
    blocksCount,
    inodesCount: inodesPerGroup * groupCount,
    inodeSize: INODE_SIZE,
    inodesPerGroup,
    blocksPerGroup: BLOCKS_PER_GROUP,
    groupCount,
    reservedBlocks: Math.floor(blocksCount * RESERVED_RATIO),
    journalBlocks: journalBlocksFor(blocksCount, generation),
    descriptorBlocks,
    reservedGdtBlocks,
    backupGroups,
    superblockBackups: backupGroups.filter((g) => g > 0).map((g) => g * BLOCKS_PER_GROUP),
    maxFilesystemBlocks: (reservedGdtBlocks + descriptorBlocks) * descriptorsPerBlock * BLOCKS_PER_GROUP,
    inodeTableBlocks: (inodesPerGroup * groupCount * INODE_SIZE) / EXT4_BLOCK_SIZE,
    bitmapBlocks: 2 * groupCount,
  };
}

/**
 * Blocks mkfs leaves allocated besides the root directory and lost+found's
 * first block (which the in-memory filesystem counts itself): lost+found is
 * created with 4 blocks, the modern format also allocates a resize/ext-attr block.
 */
function extraAllocatedBlocks(generation: Ext4Generation): number {
  return generation === 'legacy' ? 3 : 4;
}

/** What statfs reports for this layout: df's Size, metadata counted as Used, reserve. */
export function ext4SpaceModel(layout: Ext4Layout): SpaceModel {
  const groupMetadata = layout.inodeTableBlocks + layout.bitmapBlocks;
  const backups = layout.backupGroups.length;
  const extra = extraAllocatedBlocks(layout.generation);
  if (layout.generation === 'legacy') {
    const overhead = groupMetadata + backups * (1 + layout.descriptorBlocks);
    const usedMetadata = layout.journalBlocks + backups * layout.reservedGdtBlocks + extra;
    return {
      sizeBytes: (layout.blocksCount - overhead) * layout.blockSize,
      metadataUsedBytes: usedMetadata * layout.blockSize,
      reservedBytes: layout.reservedBlocks * layout.blockSize,
    };
  }
  const overhead =
    groupMetadata + backups * (1 + layout.descriptorBlocks + layout.reservedGdtBlocks) + layout.journalBlocks;
  return {
    sizeBytes: (layout.blocksCount - overhead) * layout.blockSize,
    metadataUsedBytes: extra * layout.blockSize,
    reservedBytes: layout.reservedBlocks * layout.blockSize,
  };
}

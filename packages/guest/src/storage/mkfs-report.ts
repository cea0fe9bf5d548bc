import type { Ext4Layout } from './ext4-geometry.ts';

/**
 * The text mke2fs prints while formatting. Legacy (1.41/1.42) prints the
 * geometry block the guide shows; modern (1.43+) prints a compact summary.
 */
export function mkfsReport(
  layout: Ext4Layout,
  e2fsprogs: { version: string; date: string },
  uuid: string,
  label = '',
): string {
  const backups = wrapBackups(layout.superblockBackups);
  const lines: string[] = [`mke2fs ${e2fsprogs.version} (${e2fsprogs.date})`];
  if (layout.generation === 'legacy') {
    const reservedPct = ((layout.reservedBlocks / layout.blocksCount) * 100).toFixed(2);
    lines.push(
      `Filesystem label=${label}`,
      'OS type: Linux',
      'Block size=4096 (log=2)',
      'Fragment size=4096 (log=2)',
      'Stride=0 blocks, Stripe width=0 blocks',
      `${layout.inodesCount} inodes, ${layout.blocksCount} blocks`,
      `${layout.reservedBlocks} blocks (${reservedPct}%) reserved for the super user`,
      'First data block=0',
      `Maximum filesystem blocks=${layout.maxFilesystemBlocks}`,
      `${layout.groupCount} block group${layout.groupCount === 1 ? '' : 's'}`,
      `${layout.blocksPerGroup} blocks per group, ${layout.blocksPerGroup} fragments per group`,
      `${layout.inodesPerGroup} inodes per group`,
    );
  } else {
    lines.push(
      `Creating filesystem with ${layout.blocksCount} 4k blocks and ${layout.inodesCount} inodes`,
      `Filesystem UUID: ${uuid}`,
    );
  }
  if (backups.length > 0) lines.push('Superblock backups stored on blocks: ', ...backups);
  lines.push('', 'Allocating group tables: done', 'Writing inode tables: done');
  if (layout.journalBlocks > 0) lines.push(`Creating journal (${layout.journalBlocks} blocks): done`);
  lines.push('Writing superblocks and filesystem accounting information: done', '');
  return `${lines.join('\n')}\n`;
}

/** mke2fs wraps the backup list at 72 columns, leaving ", " at the end of a wrapped line. */
function wrapBackups(blocks: number[]): string[] {
  const lines: string[] = [];
  let current = '';
  let columnsLeft = 0;
  blocks.forEach((block, index) => {
    if (index > 0) current += ', ';
    const need = String(block).length + 1;
    if (need > columnsLeft) {
      if (index > 0) lines.push(current);
      current = '\t';
      columnsLeft = 72;
    }
    columnsLeft -= need;
    current += String(block);
  });
  if (blocks.length > 0) lines.push(current);
  return lines;
}

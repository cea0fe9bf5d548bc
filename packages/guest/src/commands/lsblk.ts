import { formatTable } from '../format/columns.ts';
import { lsblkHuman } from '../format/human-size.ts';
import { devicePath, type BlockDevice } from '../storage/block-device.ts';
import type { CommandDefinition } from './types.ts';

/** `lsblk`: the device tree with sizes and mount points. */
export const lsblk: CommandDefinition = {
  name: 'lsblk',
  path: '/usr/bin/lsblk',
  synopsis: 'lsblk [-f]',
  async run(ctx) {
    const storage = ctx.system.storage;
    const devices = storage.list();
    const showFs = ctx.argv.includes('-f');
    const modern = ctx.system.profile.generation === 'modern';
    const mountColumn = modern ? 'MOUNTPOINTS' : 'MOUNTPOINT';
    const mountOf = (device: BlockDevice): string =>
      device.content.type === 'swap' ? '[SWAP]' : (storage.mountPointOf(device.name) ?? '');
    const ordered: { device: BlockDevice; name: string }[] = [];
    for (const disk of devices.filter((d) => d.kind === 'disk')) {
      ordered.push({ device: disk, name: disk.name });
      const parts = devices.filter((d) => d.parent === disk.name);
      parts.forEach((part, index) => {
        ordered.push({ device: part, name: `${index === parts.length - 1 ? '└─' : '├─'}${part.name}` });
      });
    }
    let rows: string[][];
    let aligns: ('left' | 'right')[];
    if (showFs) {
      rows = [['NAME', 'FSTYPE', 'LABEL', 'UUID', mountColumn]];
      for (const { device, name } of ordered) {
        const content = device.content;
        rows.push([
          name,
          content.type === 'raw' ? '' : content.type,
          content.type === 'ext4' ? content.snapshot.label : '',
          content.type === 'ext4' ? content.snapshot.uuid : content.type === 'swap' ? content.uuid : '',
          mountOf(device),
        ]);
      }
      aligns = ['left', 'left', 'left', 'left', 'left'];
    } else {
      rows = [['NAME', 'MAJ:MIN', 'RM', 'SIZE', 'RO', 'TYPE', mountColumn]];
      for (const { device, name } of ordered) {
        rows.push([name, `${device.major}:${device.minor}`, '0', lsblkHuman(device.sizeBytes), '0', device.kind, mountOf(device)]);
      }
      aligns = ['left', 'left', 'right', 'right', 'right', 'left', 'left'];
    }
    ctx.stdout.write(`${formatTable(rows, aligns, [0, 0, 2, 5, 2]).join('\n')}\n`);
    return 0;
  },
};

/** `blkid [DEVICE]`: filesystem signatures (UUID, TYPE). */
export const blkid: CommandDefinition = {
  name: 'blkid',
  path: '/usr/sbin/blkid',
  synopsis: 'blkid [device]',
  async run(ctx) {
    const storage = ctx.system.storage;
    const modern = ctx.system.profile.generation === 'modern';
    const wanted = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    const devices = wanted.length > 0 ? wanted.map((w) => storage.get(w)) : storage.list();
    let found = false;
    for (const device of devices) {
      if (!device || device.content.type === 'raw') continue;
      found = true;
      const content = device.content;
      const fields =
        content.type === 'swap'
          ? [`UUID="${content.uuid}"`, 'TYPE="swap"']
          : [
              ...(content.snapshot.label ? [`LABEL="${content.snapshot.label}"`] : []),
              `UUID="${content.snapshot.uuid}"`,
              ...(modern ? ['BLOCK_SIZE="4096"'] : []),
              'TYPE="ext4"',
            ];
      ctx.stdout.write(`${devicePath(device.name)}: ${fields.join(' ')}\n`);
    }
    return found ? 0 : 2;
  },
};

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('mkfs.ext4', () => {
  it('prints the mke2fs 1.42 report computed from the device size', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 10, content: null });
    const { run } = shellOf(machine);
    const result = await run('mkfs.ext4 /dev/vdb');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      [
        'mke2fs 1.42.9 (28-Dec-2013)',
        'Filesystem label=',
        'OS type: Linux',
        'Block size=4096 (log=2)',
        'Fragment size=4096 (log=2)',
        'Stride=0 blocks, Stripe width=0 blocks',
        '655360 inodes, 2621440 blocks',
        '131072 blocks (5.00%) reserved for the super user',
        'First data block=0',
        'Maximum filesystem blocks=2684354560',
        '80 block groups',
        '32768 blocks per group, 32768 fragments per group',
        '8192 inodes per group',
        'Superblock backups stored on blocks: ',
        '\t32768, 98304, 163840, 229376, 294912, 819200, 884736, 1605632',
        '',
        'Allocating group tables: done',
        'Writing inode tables: done',
        'Creating journal (32768 blocks): done',
        'Writing superblocks and filesystem accounting information: done',
        '',
        '',
      ].join('\n'),
    );
  });

  it('scales with the device: a 1 GB volume', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 1, content: null });
    const { run } = shellOf(machine);
    const { stdout } = await run('mkfs.ext4 /dev/vdb');
    expect(stdout).toContain('65536 inodes, 262144 blocks\n');
    expect(stdout).toContain('8 block groups\n');
    expect(stdout).toContain('Creating journal (8192 blocks): done\n');
  });

  it('refuses a mounted device and the root disk', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 1, content: null });
    const { run } = shellOf(machine);
    await run('mkfs.ext4 -q /dev/vdb; mkdir ext; mount /dev/vdb ext');
    expect(await run('mkfs.ext4 /dev/vdb')).toEqual({
      stdout: 'mke2fs 1.42.9 (28-Dec-2013)\n',
      stderr: '/dev/vdb is mounted; will not make a filesystem here!\n',
      exitCode: 1,
    });
    expect((await run('mkfs.ext4 /dev/vda')).stderr).toBe('/dev/vda is apparently in use by the system; will not make a filesystem here!\n');
  });

  it('reports devices that do not exist', async () => {
    const { run } = shellOf(bootTestMachine());
    expect(await run('mkfs.ext4 /dev/vdc')).toEqual({
      stdout: '',
      stderr: 'mke2fs 1.42.9 (28-Dec-2013)\nThe file /dev/vdc does not exist and no size was specified.\n',
      exitCode: 1,
    });
    expect((await run('mkfs.ext4')).stderr).toMatch(/^Usage: mkfs.ext4 /);
  });

  it('asks before overwriting a filesystem on modern images', async () => {
    const machine = bootTestMachine({ image: 'debian-12' });
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 1, content: null });
    const { run } = shellOf(machine);
    const first = await run('mkfs.ext4 /dev/vdb');
    expect(first.stdout).toContain('Creating filesystem with 262144 4k blocks and 65536 inodes\n');
    const again = await run('echo n | mkfs.ext4 /dev/vdb');
    expect(again.stdout).toContain('/dev/vdb contains a ext4 file system\n');
    expect(again.exitCode).toBe(1);
    expect((await run('echo y | mkfs.ext4 /dev/vdb')).exitCode).toBe(0);
  });

  it('is also reachable as mkfs -t ext4', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 1, content: null });
    const { run } = shellOf(machine);
    expect((await run('mkfs -t ext4 -q /dev/vdb')).exitCode).toBe(0);
    expect((await run('blkid /dev/vdb')).stdout).toMatch(/^\/dev\/vdb: UUID="[0-9a-f-]+" TYPE="ext4"\n$/);
  });
});

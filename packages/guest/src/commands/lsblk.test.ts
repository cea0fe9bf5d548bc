import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('lsblk', () => {
  it('shows the disk tree with sizes and mount points', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 10, content: null });
    const { run } = shellOf(machine);
    await run('mkfs.ext4 -q /dev/vdb; mkdir external; mount /dev/vdb external');
    expect((await run('lsblk')).stdout).toBe(
      'NAME   MAJ:MIN RM  SIZE RO TYPE MOUNTPOINT\n' +
        'vda    253:0    0   20G  0 disk \n' +
        '├─vda1 253:1    0    2G  0 part [SWAP]\n' +
        '└─vda2 253:2    0   18G  0 part /\n' +
        'vdb    253:16   0   10G  0 disk /root/external\n',
    );
  });
});

describe('blkid', () => {
  it('lists filesystem signatures, not raw devices', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 1, content: null });
    const { run } = shellOf(machine);
    const lines = (await run('blkid')).stdout.trim().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['/dev/vda1', '/dev/vda2']);
    expect(lines[0]).toMatch(/TYPE="swap"$/);
    expect((await run('blkid /dev/vdb')).exitCode).toBe(2);
  });
});

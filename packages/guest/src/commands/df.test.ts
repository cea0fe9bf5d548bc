import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('df', () => {
  it('shows the root disk and tmpfs like the guide (20 GB disk, 1 GB RAM)', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('df -h')).stdout).toBe(
      'Filesystem      Size  Used Avail Use% Mounted on\n' +
        '/dev/vda2        18G  988M   16G   6% /\n' +
        'tmpfs           499M     0  499M   0% /dev/shm\n',
    );
  });

  it('shows a freshly formatted 10 GB volume as in the guide', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 10, content: null });
    const { run } = shellOf(machine);
    await run('mkfs.ext4 /dev/vdb; mkdir external; mount /dev/vdb external');
    expect((await run('df -h')).stdout.split('\n')[3]).toBe('/dev/vdb        9.9G  151M  9.2G   2% /root/external');
  });

  it('computes the modern ext4 accounting on newer images', async () => {
    const machine = bootTestMachine({ image: 'ubuntu-22.04' });
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 10, content: null });
    const { run } = shellOf(machine);
    await run('mkfs.ext4 -F /dev/vdb; mkdir external; mount /dev/vdb external');
    expect((await run('df -h external')).stdout).toBe(
      'Filesystem      Size  Used Avail Use% Mounted on\n/dev/vdb        9.8G   24K  9.3G   1% /root/external\n',
    );
  });

  it('grows Used as files are written', async () => {
    const { run } = shellOf(bootTestMachine());
    const before = (await run('df /')).stdout.split('\n')[1]?.split(/\s+/)[2];
    await run('echo data > /root/file');
    const after = (await run('df /')).stdout.split('\n')[1]?.split(/\s+/)[2];
    expect(Number(after) - Number(before)).toBe(4);
  });

  it('prints 1K blocks by default and the type with -T', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('df')).stdout.split('\n')[0]).toBe('Filesystem     1K-blocks    Used Available Use% Mounted on');
    expect((await run('df -hT /dev/shm')).stdout).toBe(
      'Filesystem     Type   Size  Used Avail Use% Mounted on\ntmpfs          tmpfs  499M     0  499M   0% /dev/shm\n',
    );
  });

  it('reports missing paths', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('df nope')).stderr).toBe('df: nope: No such file or directory\n');
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

async function withVolume(image?: 'ubuntu-22.04') {
  const machine = bootTestMachine(image ? { image } : {});
  machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 10, content: null });
  return { machine, ...shellOf(machine) };
}

describe('mount', () => {
  it('mounts a formatted device on an existing directory', async () => {
    const { run, machine } = await withVolume();
    await run('mkfs.ext4 -q /dev/vdb; mkdir external');
    expect(await run('mount /dev/vdb external')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(machine.guest.isMounted('/dev/vdb')).toBe(true);
    expect((await run('mount')).stdout).toContain('/dev/vdb on /root/external type ext4 (rw,relatime,seclabel,data=ordered)\n');
  });

  it('explains failures like util-linux 2.23', async () => {
    const { run } = await withVolume();
    expect((await run('mount /dev/vdb external')).stderr).toBe('mount: mount point external does not exist\n');
    await run('mkdir external');
    expect((await run('mount /dev/vdb external')).stderr).toBe('mount: you must specify the filesystem type\n');
    expect((await run('mount /dev/vdc external')).stderr).toBe('mount: special device /dev/vdc does not exist\n');
    await run('mkfs.ext4 -q /dev/vdb; mount /dev/vdb external');
    const again = await run('mount /dev/vdb external');
    expect(again.exitCode).toBe(32);
    expect(again.stderr).toBe(
      'mount: /dev/vdb is already mounted or /root/external busy\n       /dev/vdb is already mounted on /root/external\n',
    );
  });

  it('explains failures like util-linux 2.37 on modern images', async () => {
    const { run } = await withVolume('ubuntu-22.04');
    await run('mkdir external');
    expect((await run('mount /dev/vdb external')).stderr).toBe(
      'mount: /root/external: wrong fs type, bad option, bad superblock on /dev/vdb, missing codepage or helper program, or other error.\n',
    );
  });

  it('mounts from /etc/fstab with mount -a and mount DIR', async () => {
    const { run, machine } = await withVolume();
    await run('mkfs.ext4 -q /dev/vdb; mkdir /data; echo "/dev/vdb /data ext4 defaults 0 0" >> /etc/fstab');
    expect((await run('mount -a')).exitCode).toBe(0);
    expect(machine.guest.isMounted('/dev/vdb')).toBe(true);
    await run('umount /data');
    expect((await run('mount /data')).exitCode).toBe(0);
    expect((await run('mount /nothing')).stderr).toBe("mount: can't find /nothing in /etc/fstab\n");
  });
});

describe('umount', () => {
  it('accepts the directory (with trailing slash) or the device', async () => {
    const { run, machine } = await withVolume();
    await run('mkfs.ext4 -q /dev/vdb; mkdir external; mount /dev/vdb external');
    expect(await run('umount external/')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    await run('mount /dev/vdb external');
    expect((await run('umount /dev/vdb')).exitCode).toBe(0);
    expect(machine.guest.isMounted('/dev/vdb')).toBe(false);
  });

  it('reports what is not mounted', async () => {
    const { run } = await withVolume();
    await run('mkdir plain');
    expect((await run('umount plain')).stderr).toBe('umount: /root/plain: not mounted\n');
    expect((await run('umount nowhere')).stderr).toBe('umount: /root/nowhere: mountpoint not found\n');
    expect((await run('umount /')).stderr).toContain('umount: /: target is busy.');
  });

  it('is busy while a background process works inside', async () => {
    const { run } = await withVolume();
    await run('mkfs.ext4 -q /dev/vdb; mkdir external; mount /dev/vdb external');
    await run('cd external && sleep 100 &');
    await new Promise((resolve) => setImmediate(resolve));
    expect((await run('umount external')).exitCode).toBe(32);
    await run('kill %1');
  });
});

describe('sync', () => {
  it('flushes mounted filesystems to the host', async () => {
    const { run, machine } = await withVolume();
    await run('mkfs.ext4 -q /dev/vdb; mkdir external; mount /dev/vdb external; touch external/f');
    expect(machine.host.volumeWrites.get('vol-1')?.entries.some((e) => e.path === '/f')).toBe(false);
    await run('sync');
    expect(machine.host.volumeWrites.get('vol-1')?.entries.some((e) => e.path === '/f')).toBe(true);
  });
});

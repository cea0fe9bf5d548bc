import { describe, expect, it } from 'vitest';
import { Guest } from '../guest.ts';
import { bootTestMachine, sequentialUuid, shellOf } from '../testing/harness.ts';
import { RecordingHost } from '../testing/recording-host.ts';
import { ManualClock } from '../time/clock.ts';

function fileIn(snapshot: { entries: { path: string; type: string; content?: string }[] } | null | undefined, path: string): string | undefined {
  const entry = snapshot?.entries.find((e) => e.path === path);
  return entry?.type === 'file' ? entry.content : undefined;
}

async function formattedAndMounted() {
  const machine = bootTestMachine();
  machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 10, content: null });
  const shell = shellOf(machine);
  await shell.run('mkfs.ext4 /dev/vdb && mkdir external && mount /dev/vdb external');
  return { machine, ...shell };
}

describe('write cache', () => {
  it('persists mkfs immediately (mke2fs writes through)', async () => {
    const { machine } = await formattedAndMounted();
    const volume = machine.host.volumeWrites.get('vol-1');
    expect(volume?.fsType).toBe('ext4');
    expect(volume?.entries.map((e) => e.path)).toEqual(['/lost+found']);
  });

  it('keeps writes in the cache until sync', async () => {
    const { machine, run } = await formattedAndMounted();
    await run('echo data > external/a.txt');
    expect(fileIn(machine.host.volumeWrites.get('vol-1'), '/a.txt')).toBeUndefined();
    expect(machine.guest.devices().find((d) => d.device === '/dev/vdb')?.hasUnflushedWrites).toBe(true);
    await run('sync');
    expect(fileIn(machine.host.volumeWrites.get('vol-1'), '/a.txt')).toBe('data\n');
  });

  it('flushes on umount', async () => {
    const { machine, run } = await formattedAndMounted();
    await run('echo data > external/a.txt');
    expect((await run('umount external/')).exitCode).toBe(0);
    expect(fileIn(machine.host.volumeWrites.get('vol-1'), '/a.txt')).toBe('data\n');
    expect(machine.guest.isMounted('/dev/vdb')).toBe(false);
  });

  it('writes back dirty data after the expiry interval on tick', async () => {
    const { machine, run } = await formattedAndMounted();
    await run('echo data > external/a.txt');
    await machine.advance(29_000);
    expect(fileIn(machine.host.volumeWrites.get('vol-1'), '/a.txt')).toBeUndefined();
    await machine.advance(2_000);
    expect(fileIn(machine.host.volumeWrites.get('vol-1'), '/a.txt')).toBe('data\n');
  });

  it('loses unflushed writes when detached while mounted', async () => {
    const { machine, run } = await formattedAndMounted();
    await run('echo saved > external/saved.txt; sync; echo lost > external/lost.txt');
    expect(machine.guest.isMounted('/dev/vdb')).toBe(true);
    const result = machine.guest.detachDevice('vol-1');
    expect(result).toMatchObject({ device: '/dev/vdb', wasMounted: true, lostUnflushedWrites: true });
    expect(fileIn(result.content, '/saved.txt')).toBe('saved\n');
    expect(fileIn(result.content, '/lost.txt')).toBeUndefined();
    expect((await run('df -h')).stdout).not.toContain('/dev/vdb');
  });

  it('carries the files to another guest', async () => {
    const { machine, run } = await formattedAndMounted();
    await run('echo hello > external/note.txt; umount external');
    const detached = machine.guest.detachDevice('/dev/vdb');
    expect(detached.lostUnflushedWrites).toBe(false);

    const other = new Guest(
      { privateIp: '192.168.0.5', image: 'centos-7', rootDiskGb: 20, clock: new ManualClock(), randomUUID: sequentialUuid },
      new RecordingHost(),
    );
    other.boot();
    const device = other.attachDevice({ volumeId: 'vol-1', sizeGb: 10, content: detached.content });
    expect(device).toBe('/dev/vdb');
    const shell = other.openSession();
    await shell.runCommand('mkdir /mnt/data && mount /dev/vdb /mnt/data');
    expect((await shell.runCommand('cat /mnt/data/note.txt')).stdout).toBe('hello\n');
  });
});

describe('devices', () => {
  it('names attached volumes in order and reuses free names', () => {
    const { guest } = bootTestMachine();
    expect(guest.attachDevice({ volumeId: 'a', sizeGb: 1, content: null })).toBe('/dev/vdb');
    expect(guest.attachDevice({ volumeId: 'b', sizeGb: 1, content: null })).toBe('/dev/vdc');
    guest.detachDevice('a');
    expect(guest.attachDevice({ volumeId: 'c', sizeGb: 1, content: null })).toBe('/dev/vdb');
    expect(() => guest.attachDevice({ volumeId: 'c', sizeGb: 1, content: null })).toThrow(/already attached/);
  });

  it('refuses unmount while a shell is inside', async () => {
    const { run } = await formattedAndMounted();
    await run('cd external');
    const result = await run('umount /root/external');
    expect(result.exitCode).toBe(32);
    expect(result.stderr).toBe(
      'umount: /root/external: target is busy.\n        (In some cases useful info about processes that use\n         the device is found by lsof(8) or fuser(1))\n',
    );
    await run('cd');
    expect((await run('umount /dev/vdb')).exitCode).toBe(0);
  });
});

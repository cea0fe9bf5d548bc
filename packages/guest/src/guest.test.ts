import { describe, expect, it } from 'vitest';
import { Guest } from './guest.ts';
import { bootTestMachine, sequentialUuid, settle, shellOf } from './testing/harness.ts';
import { RecordingHost } from './testing/recording-host.ts';
import { ManualClock } from './time/clock.ts';

describe('machine identity', () => {
  it('names itself after the private IP and installs the key pair', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    expect((await run('hostname')).stdout).toBe('host-192-168-0-4\n');
    expect((await run('cat /etc/hostname')).stdout).toBe('host-192-168-0-4\n');
    expect((await run('cat /root/.ssh/authorized_keys')).stdout).toBe('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 my_keypair\n');
    expect((await run('grep PRETTY_NAME /etc/os-release')).stdout).toBe('PRETTY_NAME="CentOS Linux 7 (Core)"\n');
  });

  it('reflects the chosen image', async () => {
    const machine = bootTestMachine({ image: 'ubuntu-22.04' });
    const { run } = shellOf(machine);
    expect((await run('grep ^VERSION_ID /etc/os-release')).stdout).toBe('VERSION_ID="22.04"\n');
    expect((await run('uname -r')).stdout).toBe('5.15.0-91-generic\n');
    expect((await run('python -V')).exitCode).toBe(127);
    expect((await run('python3 -V')).stdout).toBe('Python 3.10.12\n');
  });
});

describe('power', () => {
  it('mounts fstab entries at boot', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 10, content: null });
    const { run } = shellOf(machine);
    await run('mkfs.ext4 -q /dev/vdb && mkdir /data');
    await run('echo "/dev/vdb /data ext4 defaults 0 0" >> /etc/fstab');
    machine.guest.halt();
    const report = machine.guest.boot();
    expect(report.mounted).toEqual([{ device: '/dev/vdb', target: '/data' }]);
    expect(machine.guest.isMounted('/dev/vdb')).toBe(true);
  });

  it('reports fstab entries whose device is missing', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    await run('echo "/dev/vdc /data ext4 defaults 0 0" >> /etc/fstab; echo "/dev/vdd /opt2 ext4 nofail 0 0" >> /etc/fstab');
    machine.guest.halt();
    const report = machine.guest.boot();
    expect(report.failed.map((f) => f.entry.target)).toEqual(['/data']);
    expect(report.consoleLog).toContain('[FAILED] Failed to mount /data.');
  });

  it('flushes on halt but loses the cache on a power cut', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    await run('echo kept > /root/kept.txt');
    machine.guest.halt();
    const afterHalt = machine.host.lastRootDisk?.entries.map((e) => e.path);
    expect(afterHalt).toContain('/root/kept.txt');

    machine.guest.boot();
    await shellOf(machine).run('echo gone > /root/gone.txt');
    machine.guest.powerCut();
    machine.guest.boot();
    expect((await shellOf(machine).run('ls /root/gone.txt')).exitCode).toBe(2);
  });

  it('closes sessions and stops servers on halt', async () => {
    const machine = bootTestMachine();
    const session = machine.guest.openSession();
    let closed = false;
    session.onClose(() => {
      closed = true;
    });
    await session.runCommand('python -m SimpleHTTPServer 80 &');
    await settle();
    expect(machine.host.listeners.has(80)).toBe(true);
    machine.guest.halt();
    expect(closed).toBe(true);
    expect(machine.host.listeners.has(80)).toBe(false);
    expect(machine.guest.state).toBe('stopped');
    expect(() => machine.guest.openSession()).toThrow(/not running/);
  });

  it('asks the host to power off or reboot', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    await run('shutdown -h now');
    await run('reboot');
    await run('poweroff');
    expect(machine.host.powerRequests).toEqual(['stop', 'reboot', 'stop']);
  });

  it('schedules a delayed shutdown on the simulated clock', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    expect((await run('shutdown')).stdout).toMatch(/^Shutdown scheduled for .*, use 'shutdown -c' to cancel\.\n$/);
    await machine.advance(59_000);
    expect(machine.host.powerRequests).toEqual([]);
    await machine.advance(2_000);
    expect(machine.host.powerRequests).toEqual(['stop']);
  });
});

describe('images', () => {
  it('launches instances from a captured root disk with the image files', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    await run('echo "hello world!" > index.html');
    machine.guest.halt();
    const image = JSON.parse(JSON.stringify(machine.guest.rootDiskSnapshot())) as ReturnType<Guest['rootDiskSnapshot']>;

    const clones = ['192.168.0.6', '192.168.0.7'].map((ip) => {
      const guest = new Guest(
        { privateIp: ip, rootDiskGb: 20, rootDisk: image, clock: new ManualClock(), randomUUID: sequentialUuid, publicKey: 'ssh-rsa NEW' },
        new RecordingHost(),
      );
      guest.boot();
      return guest;
    });
    for (const clone of clones) {
      expect(clone.profile.id).toBe('centos-7');
      const shell = clone.openSession();
      expect((await shell.runCommand('cat index.html')).stdout).toBe('hello world!\n');
      expect((await shell.runCommand('hostname')).stdout).toBe(`${clone.hostname}\n`);
      expect((await shell.runCommand('cat .ssh/authorized_keys')).stdout).toContain('ssh-rsa NEW\n');
    }
    expect(clones.map((c) => c.hostname)).toEqual(['host-192-168-0-6', 'host-192-168-0-7']);
  });

  it('requires an image when the root disk does not reveal it', () => {
    expect(
      () => new Guest({ privateIp: '192.168.0.9', rootDiskGb: 10 }, new RecordingHost()),
    ).toThrow(/image is required/);
  });
});

describe('files from outside (SFTP, scp)', () => {
  it('reads and writes the tree as root sees it, with errno errors', async () => {
    const machine = bootTestMachine();
    const files = machine.guest.files();
    files.writeFile('/root/index.html', 'hello world!\n', { mode: 0o600 });
    const { run } = shellOf(machine);
    expect((await run('cat index.html; ls -l index.html')).stdout).toMatch(/^hello world!\n-rw-------\. 1 root root 13 /);
    expect(files.stat('/root/index.html')).toMatchObject({ type: 'file', mode: 0o600, size: 13 });
    expect(files.readdir('/root')).toContain('index.html');
    files.mkdir('/root/site', 0o755);
    files.rename('/root/index.html', '/root/site/index.html');
    expect(files.readFile('/root/site/index.html')).toBe('hello world!\n');
    expect(files.readFile('/proc/meminfo')).toMatch(/^MemTotal:/);

    expect(() => files.readFile('/root/missing.txt')).toThrow(expect.objectContaining({ name: 'FsError', code: 'ENOENT' }));
    expect(() => files.writeFile('/root/nowhere/a.txt', 'x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => files.rmdir('/root/site')).toThrow(expect.objectContaining({ code: 'ENOTEMPTY' }));
    expect(() => files.writeFile('/proc/x', 'x')).toThrow(expect.objectContaining({ code: 'EACCES' }));

    machine.guest.halt();
    expect(() => files.stat('/root')).toThrow(/guest is not running/);
  });

  it('writes through the write cache and within the filesystem’s space, like a process', async () => {
    const machine = bootTestMachine({ memoryMb: 32 });
    machine.guest.attachDevice({ volumeId: 'vol-1', sizeGb: 1, content: null });
    const { run } = shellOf(machine);
    await run('mkfs.ext4 -q /dev/vdb && mkdir -p /mnt/volume && mount /dev/vdb /mnt/volume');
    const files = machine.guest.files();

    files.writeFile('/mnt/volume/data.csv', 'id,name\n');
    expect(machine.guest.devices().find((d) => d.device === '/dev/vdb')).toMatchObject({ mountPoint: '/mnt/volume', hasUnflushedWrites: true });
    expect(machine.host.volumeWrites.get('vol-1')?.entries.map((e) => e.path) ?? []).not.toContain('/data.csv');
    machine.guest.flush();
    expect(machine.host.volumeWrites.get('vol-1')?.entries.map((e) => e.path)).toContain('/data.csv');

    // /dev/shm is a tmpfs of half the memory: 16 MiB here.
    expect(() => files.writeFile('/dev/shm/big.txt', 'x'.repeat(17 * 1024 * 1024))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect((await run('umount /mnt/volume && mount -r /dev/vdb /mnt/volume')).exitCode).toBe(0);
    expect(() => files.writeFile('/mnt/volume/more.csv', 'x')).toThrow(expect.objectContaining({ code: 'EROFS' }));
  });
});

import { Filesystem } from '../filesystem/filesystem.ts';
import type { FilesystemSnapshot } from '../filesystem/snapshot.ts';
import { isWithin, normalizePath } from '../filesystem/path.ts';
import type { MountEntry, Vfs } from '../filesystem/vfs.ts';
import type { GuestHost } from '../host.ts';
import { deviceName, devicePath, virtioDiskIndex, virtioDiskName, type BlockDevice } from './block-device.ts';
import { computeExt4Layout, ext4SpaceModel, type Ext4Generation, type Ext4Layout } from './ext4-geometry.ts';
import { autoMountEntries, parseFstab, type FstabEntry } from './fstab.ts';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** Why a storage operation failed; commands turn these into each tool's wording. */
export type StorageErrorCode =
  | 'no-device'
  | 'no-filesystem'
  | 'already-mounted'
  | 'mountpoint-missing'
  | 'mountpoint-not-dir'
  | 'not-mounted'
  | 'busy'
  | 'device-in-use';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly detail: { device?: string; target?: string; mountedOn?: string } = {},
  ) {
    super(code);
    this.name = 'StorageError';
  }
}

export interface VolumeAttachment {
  volumeId: string;
  sizeGb: number;
  /** The volume's persisted filesystem, or null when it was never formatted. */
  content: FilesystemSnapshot | null;
}

export interface DetachResult {
  device: string;
  volumeId: string;
  /** What the volume holds now (unflushed writes are not in it). */
  content: FilesystemSnapshot | null;
  wasMounted: boolean;
  /** True when the page cache held writes that never reached the volume. */
  lostUnflushedWrites: boolean;
}

export interface FstabMountReport {
  mounted: { device: string; target: string }[];
  failed: { entry: FstabEntry; reason: string }[];
}

interface StorageDeps {
  vfs: Vfs;
  host: GuestHost;
  now: () => number;
  generation: Ext4Generation;
  virtioMajor: number;
  randomUUID: () => string;
  /** Write-back expiry: dirty data older than this is flushed on tick (Linux: 30 s). */
  writebackDelayMs: number;
  /** True when a process or shell has its working directory inside `target`. */
  isPathInUse: (target: string) => boolean;
}

interface LiveMount {
  device: BlockDevice;
  fs: Filesystem;
  entry: MountEntry;
}

/**
 * Block devices and the filesystems mounted from them: the root disk
 * (vda1 swap + vda2 ext4), attached volumes, mkfs, mount/umount and the
 * write cache. A mounted ext4 filesystem lives in memory (the page cache);
 * its content reaches the device — and the host's storage — only when it is
 * flushed: sync, umount, write-back expiry, or a clean shutdown.
 */
export class StorageManager {
  private devices = new Map<string, BlockDevice>();
  private live = new Map<string, LiveMount>();

  constructor(private readonly deps: StorageDeps) {}

  // --- devices ------------------------------------------------------------

  /** Creates vda with a swap partition (vda1) and the root filesystem (vda2). */
  installRootDisk(sizeGb: number, root: FilesystemSnapshot, swapUuid: string): void {
    const diskBytes = sizeGb * GiB;
    const swapBytes = sizeGb >= 8 ? 2 * GiB : 512 * MiB;
    const major = this.deps.virtioMajor;
    this.devices.set('vda', { name: 'vda', kind: 'disk', sizeBytes: diskBytes, major, minor: 0, content: { type: 'raw' } });
    this.devices.set('vda1', {
      name: 'vda1',
      kind: 'part',
      parent: 'vda',
      sizeBytes: swapBytes,
      major,
      minor: 1,
      content: { type: 'swap', uuid: swapUuid },
    });
    this.devices.set('vda2', {
      name: 'vda2',
      kind: 'part',
      parent: 'vda',
      sizeBytes: diskBytes - swapBytes - MiB,
      major,
      minor: 2,
      content: { type: 'ext4', snapshot: root },
    });
  }

  list(): BlockDevice[] {
    return [...this.devices.values()].sort((a, b) => a.major - b.major || a.minor - b.minor);
  }

  get(pathOrName: string): BlockDevice | undefined {
    return this.devices.get(deviceName(pathOrName));
  }

  attachVolume(volume: VolumeAttachment, preferred?: string): BlockDevice {
    const existing = [...this.devices.values()].find((d) => d.volumeId === volume.volumeId);
    if (existing) throw new Error(`volume ${volume.volumeId} is already attached as ${devicePath(existing.name)}`);
    let name = preferred ? deviceName(preferred) : undefined;
    if (!name || this.devices.has(name) || !/^vd[a-z]+$/.test(name)) {
      let index = 1;
      while (this.devices.has(virtioDiskName(index))) index++;
      name = virtioDiskName(index);
    }
    const device: BlockDevice = {
      name,
      kind: 'disk',
      sizeBytes: volume.sizeGb * GiB,
      major: this.deps.virtioMajor,
      minor: virtioDiskIndex(name) * 16,
      content: volume.content ? { type: 'ext4', snapshot: volume.content } : { type: 'raw' },
      volumeId: volume.volumeId,
    };
    this.devices.set(name, device);
    return device;
  }

  /**
   * Hot-unplug. If the device is mounted the mount disappears with it and
   * whatever sat in the write cache is lost — as with a real detach.
   */
  detach(pathOrName: string): DetachResult {
    const device = this.get(pathOrName) ?? [...this.devices.values()].find((d) => d.volumeId === pathOrName);
    if (!device || device.volumeId === undefined) throw new Error(`no attached volume ${pathOrName}`);
    const live = this.live.get(device.name);
    let lost = false;
    if (live) {
      lost = live.fs.isDirty;
      this.deps.vfs.unmount(live.entry.target);
      this.live.delete(device.name);
    }
    this.devices.delete(device.name);
    return {
      device: devicePath(device.name),
      volumeId: device.volumeId,
      content: device.content.type === 'ext4' ? device.content.snapshot : null,
      wasMounted: live !== undefined,
      lostUnflushedWrites: lost,
    };
  }

  ext4Layout(device: BlockDevice): Ext4Layout {
    return computeExt4Layout(device.sizeBytes, this.deps.generation);
  }

  findByUuid(uuid: string): BlockDevice | undefined {
    return this.list().find(
      (d) =>
        (d.content.type === 'ext4' && d.content.snapshot.uuid === uuid) ||
        (d.content.type === 'swap' && d.content.uuid === uuid),
    );
  }

  findByLabel(label: string): BlockDevice | undefined {
    return this.list().find((d) => d.content.type === 'ext4' && label !== '' && d.content.snapshot.label === label);
  }

  /** Resolves an fstab/mount spec: /dev/vdb, UUID=..., LABEL=... */
  resolveSpec(spec: string): BlockDevice | undefined {
    if (spec.startsWith('UUID=')) return this.findByUuid(spec.slice(5).replace(/"/g, ''));
    if (spec.startsWith('LABEL=')) return this.findByLabel(spec.slice(6).replace(/"/g, ''));
    return this.get(spec);
  }

  // --- mkfs -----------------------------------------------------------------

  /** Formats a device with ext4. mkfs writes synchronously, so the result is persisted at once. */
  makeExt4(pathOrName: string, label = ''): { layout: Ext4Layout; uuid: string } {
    const device = this.get(pathOrName);
    if (!device) throw new StorageError('no-device', { device: pathOrName });
    if (this.isMounted(device.name)) throw new StorageError('already-mounted', { device: devicePath(device.name) });
    const inUse =
      device.content.type === 'swap' ||
      this.list().some((d) => d.parent === device.name && (this.isMounted(d.name) || d.content.type === 'swap'));
    if (inUse) throw new StorageError('device-in-use', { device: devicePath(device.name) });
    const layout = this.ext4Layout(device);
    const uuid = this.deps.randomUUID();
    const fs = Filesystem.blank({ fsType: 'ext4', uuid, label, now: this.deps.now });
    fs.mkdir('/lost+found', 0o700);
    device.content = { type: 'ext4', snapshot: fs.toSnapshot() };
    this.persist(device);
    return { layout, uuid };
  }

  // --- mount / umount -----------------------------------------------------

  isMounted(pathOrName: string): boolean {
    return this.live.has(deviceName(pathOrName));
  }

  mountPointOf(pathOrName: string): string | undefined {
    return this.live.get(deviceName(pathOrName))?.entry.target;
  }

  /** Mounts an ext4 device at an existing directory. */
  mount(pathOrName: string, target: string, options: string[] = []): MountEntry {
    const device = this.get(pathOrName);
    if (!device) throw new StorageError('no-device', { device: pathOrName });
    const path = normalizePath(target);
    const vfs = this.deps.vfs;
    const live = this.live.get(device.name);
    if (live) {
      throw new StorageError('already-mounted', { device: devicePath(device.name), target: path, mountedOn: live.entry.target });
    }
    const isRoot = vfs.mounts().length === 0;
    if (!isRoot) {
      if (!vfs.exists(path)) throw new StorageError('mountpoint-missing', { target: path });
      if (!vfs.isDirectory(path)) throw new StorageError('mountpoint-not-dir', { target: path });
    }
    if (device.content.type !== 'ext4') throw new StorageError('no-filesystem', { device: devicePath(device.name), target: path });
    const fs = Filesystem.fromSnapshot(device.content.snapshot, { now: this.deps.now });
    fs.setSpaceModel(ext4SpaceModel(this.ext4Layout(device)));
    const readOnly = options.includes('ro');
    const entry: MountEntry = {
      source: devicePath(device.name),
      target: path,
      fs,
      fsType: 'ext4',
      options: `${readOnly ? 'ro' : 'rw'},relatime${this.deps.generation === 'legacy' ? ',seclabel,data=ordered' : ''}`,
      device: device.name,
    };
    vfs.mount(entry);
    this.live.set(device.name, { device, fs, entry });
    return entry;
  }

  /** Unmounts by mount point or device; flushes first, like the kernel does. */
  umount(targetOrDevice: string): MountEntry {
    const live = this.findLive(targetOrDevice);
    if (!live) throw new StorageError('not-mounted', { target: targetOrDevice });
    const target = live.entry.target;
    const nested = this.deps.vfs.mounts().some((m) => m.target !== target && isWithin(m.target, target));
    if (target === '/' || nested || this.deps.isPathInUse(target)) throw new StorageError('busy', { target });
    this.flush(live);
    this.deps.vfs.unmount(target);
    this.live.delete(live.device.name);
    return live.entry;
  }

  /** Mounts the root filesystem at "/" (first mount of a boot). */
  mountRoot(): void {
    this.mount('vda2', '/');
  }

  /** Mounts the fstab entries (boot, `mount -a`). Missing devices fail unless `nofail`. */
  mountFstab(): FstabMountReport {
    const report: FstabMountReport = { mounted: [], failed: [] };
    let text: string;
    try {
      text = this.deps.vfs.readFile('/etc/fstab');
    } catch {
      return report;
    }
    for (const entry of autoMountEntries(parseFstab(text))) {
      const device = this.resolveSpec(entry.spec);
      const target = normalizePath(entry.target);
      if (device && this.live.get(device.name)?.entry.target === target) continue;
      try {
        if (!device) throw new StorageError('no-device', { device: entry.spec });
        // systemd creates missing mount points for fstab entries
        if (!this.deps.vfs.exists(target)) this.deps.vfs.mkdirp(target);
        this.mount(device.name, target, entry.options);
        report.mounted.push({ device: devicePath(device.name), target });
      } catch (error) {
        if (entry.options.includes('nofail')) continue;
        report.failed.push({ entry, reason: error instanceof StorageError ? error.code : String(error) });
      }
    }
    return report;
  }

  // --- write cache ------------------------------------------------------------

  /** `sync`: every dirty filesystem reaches its device. */
  syncAll(): void {
    for (const live of this.live.values()) this.flush(live);
  }

  /** Periodic write-back: flush filesystems whose oldest dirty data expired. */
  writeBack(): void {
    const now = this.deps.now();
    for (const live of this.live.values()) {
      const since = live.fs.dirtySinceMs;
      if (since !== null && now - since >= this.deps.writebackDelayMs) this.flush(live);
    }
  }

  hasUnflushedWrites(pathOrName: string): boolean {
    return this.live.get(deviceName(pathOrName))?.fs.isDirty ?? false;
  }

  /**
   * Power-down: flush (clean shutdown) or drop (power cut) every mounted
   * filesystem. The caller tears down the mount table itself.
   */
  releaseAll(options: { flush: boolean }): void {
    if (options.flush) for (const live of this.live.values()) this.flush(live);
    this.live.clear();
  }

  mounted(): { device: BlockDevice; entry: MountEntry }[] {
    return [...this.live.values()].map(({ device, entry }) => ({ device, entry }));
  }

  private findLive(targetOrDevice: string): LiveMount | undefined {
    const byDevice = this.live.get(deviceName(targetOrDevice));
    if (byDevice && targetOrDevice.startsWith('/dev/')) return byDevice;
    const path = normalizePath(targetOrDevice);
    return [...this.live.values()].find((l) => l.entry.target === path) ?? byDevice;
  }

  private flush(live: LiveMount): void {
    if (!live.fs.isDirty) return;
    live.device.content = { type: 'ext4', snapshot: live.fs.toSnapshot() };
    live.fs.markClean();
    this.persist(live.device);
  }

  private persist(device: BlockDevice): void {
    if (device.content.type !== 'ext4') return;
    if (device.volumeId !== undefined) this.deps.host.persistVolume(device.volumeId, device.content.snapshot);
    else if (device.name === 'vda2') this.deps.host.persistRootDisk(device.content.snapshot);
  }
}

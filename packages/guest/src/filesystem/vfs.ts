import { FsError } from './errors.ts';
import { isWithin, normalizePath, relativeTo } from './path.ts';
import type { MountableFs, SpaceUsage, Stat, WriteOptions } from './types.ts';

export interface MountEntry {
  /** What `mount`/`df` show as the source: "/dev/vdb", "tmpfs", "proc". */
  source: string;
  /** Absolute mount point. */
  target: string;
  fs: MountableFs;
  fsType: string;
  /** Mount options as `mount` lists them, e.g. "rw,relatime,data=ordered". */
  options: string;
  /** Block device name ("vdb") when backed by a device. */
  device?: string;
  /** Hidden from `df` (proc, sysfs, devtmpfs...), like pseudo filesystems. */
  pseudo?: boolean;
}

/**
 * The guest's single directory tree: a mount table over several filesystems.
 * Every path given here is absolute in the guest; it is routed to the
 * filesystem mounted at its longest matching mount point. A mount hides what
 * was in the directory underneath, as on Linux.
 */
export class Vfs {
  private table: MountEntry[] = [];
  /** What the guest's files were read and written since boot (pseudo filesystems not counted); the monitoring graphs read it. */
  readonly io = { bytesRead: 0, bytesWritten: 0, reads: 0, writes: 0 };

  mounts(): readonly MountEntry[] {
    return this.table;
  }

  mount(entry: MountEntry): void {
    const target = normalizePath(entry.target);
    if (this.table.length > 0) {
      const stat = this.stat(target);
      if (stat.type !== 'dir') throw new FsError('ENOTDIR', target);
    } else if (target !== '/') {
      throw new FsError('ENOENT', target);
    }
    this.table.push({ ...entry, target });
  }

  /** Removes the topmost mount at `target`. Callers check busy state first. */
  unmount(target: string): MountEntry {
    const normalized = normalizePath(target);
    for (let i = this.table.length - 1; i >= 0; i--) {
      const entry = this.table[i] as MountEntry;
      if (entry.target === normalized) {
        if (this.table.some((other) => other !== entry && other.target !== normalized && isWithin(other.target, normalized))) {
          throw new FsError('EBUSY', normalized);
        }
        this.table.splice(i, 1);
        return entry;
      }
    }
    throw new FsError('EINVAL', normalized);
  }

  clear(): void {
    this.table = [];
  }

  /** The mount whose mount point is exactly `path`, if any. */
  mountAt(path: string): MountEntry | undefined {
    const normalized = normalizePath(path);
    return [...this.table].reverse().find((m) => m.target === normalized);
  }

  /** The mount that serves `path`, and the path inside that filesystem. */
  locate(path: string): { mount: MountEntry; inner: string } {
    const normalized = normalizePath(path);
    let best: MountEntry | undefined;
    for (const entry of this.table) {
      if (isWithin(normalized, entry.target) && (!best || entry.target.length >= best.target.length)) best = entry;
    }
    if (!best) throw new FsError('ENOENT', normalized);
    return { mount: best, inner: `/${relativeTo(normalized, best.target) ?? ''}` };
  }

  stat(path: string): Stat {
    const { mount, inner } = this.locate(path);
    return mount.fs.stat(inner);
  }

  exists(path: string): boolean {
    try {
      this.stat(path);
      return true;
    } catch {
      return false;
    }
  }

  isDirectory(path: string): boolean {
    try {
      return this.stat(path).type === 'dir';
    } catch {
      return false;
    }
  }

  readdir(path: string): string[] {
    const { mount, inner } = this.locate(path);
    return mount.fs.readdir(inner);
  }

  readFile(path: string): string {
    const { mount, inner } = this.locate(path);
    const data = mount.fs.readFile(inner);
    if (!mount.pseudo) {
      this.io.reads++;
      this.io.bytesRead += data.length;
    }
    return data;
  }

  writeFile(path: string, data: string, options?: WriteOptions): void {
    const { mount, inner } = this.locate(path);
    if (mount.options.split(',').includes('ro')) throw new FsError('EROFS', path);
    mount.fs.writeFile(inner, data, options);
    if (!mount.pseudo) {
      this.io.writes++;
      this.io.bytesWritten += data.length;
    }
  }

  appendFile(path: string, data: string): void {
    this.writeFile(path, data, { append: true });
  }

  mkdir(path: string, mode?: number): void {
    const { mount, inner } = this.locate(path);
    if (inner === '/') throw new FsError('EEXIST', path);
    mount.fs.mkdir(inner, mode);
  }

  /** `mkdir -p`: creates missing ancestors; fine if the directory exists. */
  mkdirp(path: string): void {
    const normalized = normalizePath(path);
    let current = '';
    for (const segment of normalized.split('/').filter(Boolean)) {
      current += `/${segment}`;
      if (!this.exists(current)) this.mkdir(current);
      else if (!this.isDirectory(current)) throw new FsError('ENOTDIR', current);
    }
  }

  rmdir(path: string): void {
    if (this.isMountPoint(path)) throw new FsError('EBUSY', path);
    const { mount, inner } = this.locate(path);
    mount.fs.rmdir(inner);
  }

  unlink(path: string): void {
    const { mount, inner } = this.locate(path);
    mount.fs.unlink(inner);
  }

  rename(from: string, to: string): void {
    if (this.isMountPoint(from) || this.isMountPoint(to)) throw new FsError('EBUSY', from);
    const source = this.locate(from);
    const target = this.locate(to);
    if (source.mount !== target.mount) throw new FsError('EXDEV', to);
    source.mount.fs.rename(source.inner, target.inner);
  }

  setMtime(path: string, mtimeMs: number): void {
    const { mount, inner } = this.locate(path);
    mount.fs.setMtime(inner, mtimeMs);
  }

  chmod(path: string, mode: number): void {
    const { mount, inner } = this.locate(path);
    mount.fs.chmod(inner, mode);
  }

  statfs(path: string): SpaceUsage {
    return this.locate(path).mount.fs.statfs();
  }

  isMountPoint(path: string): boolean {
    return this.mountAt(path) !== undefined;
  }
}

import { FsError } from './errors.ts';
import { basename, dirname, normalizePath, splitPath } from './path.ts';
import { SNAPSHOT_FORMAT, assertSnapshot, type FilesystemSnapshot, type SnapshotEntry } from './snapshot.ts';
import type { MountableFs, SpaceUsage, Stat, WriteOptions } from './types.ts';

export const BLOCK_SIZE = 4096;

interface NodeMeta {
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
}

interface FileNode extends NodeMeta {
  kind: 'file';
  content: string;
  /** Cached UTF-8 byte length of `content`. */
  bytes: number;
}

interface DirNode extends NodeMeta {
  kind: 'dir';
  children: Map<string, Node>;
}

type Node = FileNode | DirNode;

/**
 * How much space the filesystem offers, as the on-disk format would report it
 * (computed by the storage layer from the device size, e.g. ext4 geometry).
 */
export interface SpaceModel {
  /** df's Size. */
  sizeBytes: number;
  /** Space used by format metadata that df counts as Used (journal, ...). */
  metadataUsedBytes: number;
  /** Blocks reserved for root: not counted as Avail. */
  reservedBytes: number;
}

export interface FilesystemOptions {
  fsType: 'ext4' | 'tmpfs';
  uuid: string;
  label?: string;
  opaqueUsedBytes?: number;
  /** Timestamps for new/modified files. */
  now?: () => number;
}

/**
 * The UTF-8 size of `text` without encoding it: every file size and every HTTP response the
 * guest serves asks for it, and TextEncoder would allocate a copy each time.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: 2 UTF-16 units, 4 bytes.
      bytes += 2;
      index++;
    } else bytes += 2; // 3 bytes (a lone surrogate is encoded as U+FFFD, also 3)
  }
  return bytes;
}

function allocatedBytes(size: number): number {
  return Math.ceil(size / BLOCK_SIZE) * BLOCK_SIZE;
}

/**
 * An in-memory filesystem: the contents of one ext4 partition/volume or a
 * tmpfs. It knows nothing about mounts; paths are relative to its own root.
 * It tracks whether it changed since the last `markClean()`, which is what
 * the write cache uses to decide what must be flushed to the device.
 */
export class Filesystem implements MountableFs {
  readonly fsType: 'ext4' | 'tmpfs';
  readonly uuid: string;
  label: string;
  private root: DirNode;
  private opaqueUsedBytes: number;
  private readonly now: () => number;
  private space: SpaceModel | null = null;
  private dirtySince: number | null = null;

  private constructor(options: FilesystemOptions, root: DirNode) {
    this.fsType = options.fsType;
    this.uuid = options.uuid;
    this.label = options.label ?? '';
    this.opaqueUsedBytes = options.opaqueUsedBytes ?? 0;
    this.now = options.now ?? (() => Date.now());
    this.root = root;
  }

  /** An empty filesystem (just the root directory), as right after mkfs. */
  static blank(options: FilesystemOptions): Filesystem {
    const now = (options.now ?? Date.now)();
    return new Filesystem(options, { kind: 'dir', children: new Map(), mode: 0o755, uid: 0, gid: 0, mtimeMs: now });
  }

  static fromSnapshot(snapshot: FilesystemSnapshot, options: { now?: () => number } = {}): Filesystem {
    assertSnapshot(snapshot);
    const fs = new Filesystem(
      {
        fsType: snapshot.fsType,
        uuid: snapshot.uuid,
        label: snapshot.label,
        opaqueUsedBytes: snapshot.opaqueUsedBytes,
        ...(options.now ? { now: options.now } : {}),
      },
      { kind: 'dir', children: new Map(), mode: snapshot.root.mode, uid: 0, gid: 0, mtimeMs: snapshot.root.mtimeMs },
    );
    for (const entry of snapshot.entries) fs.restoreEntry(entry);
    return fs;
  }

  toSnapshot(): FilesystemSnapshot {
    const entries: SnapshotEntry[] = [];
    const walk = (dir: DirNode, path: string): void => {
      for (const name of [...dir.children.keys()].sort()) {
        const node = dir.children.get(name) as Node;
        const childPath = path === '/' ? `/${name}` : `${path}/${name}`;
        const meta = { path: childPath, mode: node.mode, uid: node.uid, gid: node.gid, mtimeMs: node.mtimeMs };
        if (node.kind === 'dir') {
          entries.push({ ...meta, type: 'dir' });
          walk(node, childPath);
        } else {
          entries.push({ ...meta, type: 'file', content: node.content });
        }
      }
    };
    walk(this.root, '/');
    return {
      format: SNAPSHOT_FORMAT,
      fsType: this.fsType,
      uuid: this.uuid,
      label: this.label,
      opaqueUsedBytes: this.opaqueUsedBytes,
      root: { mode: this.root.mode, mtimeMs: this.root.mtimeMs },
      entries,
    };
  }

  // --- write-cache bookkeeping -------------------------------------------

  /** True when the content changed since the last flush. */
  get isDirty(): boolean {
    return this.dirtySince !== null;
  }

  /** When the oldest unflushed change happened (for write-back expiry). */
  get dirtySinceMs(): number | null {
    return this.dirtySince;
  }

  markClean(): void {
    this.dirtySince = null;
  }

  setSpaceModel(space: SpaceModel | null): void {
    this.space = space;
  }

  // --- MountableFs ----------------------------------------------------------

  stat(path: string): Stat {
    return this.statNode(this.lookup(path));
  }

  readdir(path: string): string[] {
    const node = this.lookup(path);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return [...node.children.keys()];
  }

  readFile(path: string): string {
    const node = this.lookup(path);
    if (node.kind === 'dir') throw new FsError('EISDIR', path);
    return node.content;
  }

  writeFile(path: string, data: string, options: WriteOptions = {}): void {
    const { parent, name } = this.parentOf(path);
    const existing = parent.children.get(name);
    if (existing?.kind === 'dir') throw new FsError('EISDIR', path);
    const appending = options.append === true && existing !== undefined;
    const content = appending ? existing.content + data : data;
    // An append costs the size of what is added, not of the file: an upload appends part after part.
    const bytes = appending ? existing.bytes + utf8Length(data) : utf8Length(content);
    this.ensureSpace(allocatedBytes(bytes) - (existing ? allocatedBytes(existing.bytes) : 0), path);
    const now = this.now();
    if (existing) {
      existing.content = content;
      existing.bytes = bytes;
      existing.mtimeMs = now;
    } else {
      parent.children.set(name, { kind: 'file', content, bytes, mode: options.mode ?? 0o644, uid: 0, gid: 0, mtimeMs: now });
      parent.mtimeMs = now;
    }
    this.touchDirty();
  }

  mkdir(path: string, mode = 0o755): void {
    const { parent, name } = this.parentOf(path);
    if (parent.children.has(name)) throw new FsError('EEXIST', path);
    this.ensureSpace(BLOCK_SIZE, path);
    const now = this.now();
    parent.children.set(name, { kind: 'dir', children: new Map(), mode, uid: 0, gid: 0, mtimeMs: now });
    parent.mtimeMs = now;
    this.touchDirty();
  }

  rmdir(path: string): void {
    if (normalizePath(path) === '/') throw new FsError('EBUSY', path);
    const { parent, name } = this.parentOf(path);
    const node = parent.children.get(name);
    if (!node) throw new FsError('ENOENT', path);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    if (node.children.size > 0) throw new FsError('ENOTEMPTY', path);
    parent.children.delete(name);
    parent.mtimeMs = this.now();
    this.touchDirty();
  }

  unlink(path: string): void {
    const { parent, name } = this.parentOf(path);
    const node = parent.children.get(name);
    if (!node) throw new FsError('ENOENT', path);
    if (node.kind === 'dir') throw new FsError('EISDIR', path);
    parent.children.delete(name);
    parent.mtimeMs = this.now();
    this.touchDirty();
  }

  rename(from: string, to: string): void {
    const source = this.parentOf(from);
    const node = source.parent.children.get(source.name);
    if (!node) throw new FsError('ENOENT', from);
    const fromNorm = normalizePath(from);
    const toNorm = normalizePath(to);
    if (fromNorm === toNorm) return;
    if (node.kind === 'dir' && toNorm.startsWith(`${fromNorm}/`)) throw new FsError('EINVAL', to);
    const target = this.parentOf(to);
    const existing = target.parent.children.get(target.name);
    if (existing) {
      if (existing.kind === 'dir' && node.kind !== 'dir') throw new FsError('EISDIR', to);
      if (existing.kind !== 'dir' && node.kind === 'dir') throw new FsError('ENOTDIR', to);
      if (existing.kind === 'dir' && existing.children.size > 0) throw new FsError('ENOTEMPTY', to);
    }
    source.parent.children.delete(source.name);
    target.parent.children.set(target.name, node);
    const now = this.now();
    source.parent.mtimeMs = now;
    target.parent.mtimeMs = now;
    this.touchDirty();
  }

  setMtime(path: string, mtimeMs: number): void {
    this.lookup(path).mtimeMs = mtimeMs;
    this.touchDirty();
  }

  chmod(path: string, mode: number): void {
    this.lookup(path).mode = mode & 0o7777;
    this.touchDirty();
  }

  statfs(): SpaceUsage {
    const used = this.usedBytes() + (this.space?.metadataUsedBytes ?? 0);
    const total = this.space?.sizeBytes ?? used;
    const reserved = this.space?.reservedBytes ?? 0;
    return { totalBytes: total, usedBytes: used, availableBytes: Math.max(0, total - used - reserved) };
  }

  // --- convenience for provisioning and tests --------------------------------

  exists(path: string): boolean {
    try {
      this.lookup(path);
      return true;
    } catch {
      return false;
    }
  }

  /** `mkdir -p` */
  mkdirp(path: string, mode = 0o755): void {
    let current = '';
    for (const segment of splitPath(path)) {
      current += `/${segment}`;
      if (!this.exists(current)) this.mkdir(current, mode);
    }
  }

  /** Bytes allocated by files and directories (plus opaque preinstalled content). */
  usedBytes(): number {
    // tmpfs directories live in the dentry cache and take no blocks
    const dirBytes = this.fsType === 'tmpfs' ? 0 : BLOCK_SIZE;
    let total = this.opaqueUsedBytes + dirBytes;
    const walk = (dir: DirNode): void => {
      for (const node of dir.children.values()) {
        if (node.kind === 'dir') {
          total += dirBytes;
          walk(node);
        } else {
          total += allocatedBytes(node.bytes);
        }
      }
    };
    walk(this.root);
    return total;
  }

  // --- internals ---------------------------------------------------------

  private touchDirty(): void {
    if (this.dirtySince === null) this.dirtySince = this.now();
  }

  private ensureSpace(extraBytes: number, path: string): void {
    if (!this.space || extraBytes <= 0) return;
    const used = this.usedBytes() + this.space.metadataUsedBytes;
    // root may use the reserved blocks, so the limit is the full size
    if (used + extraBytes > this.space.sizeBytes) throw new FsError('ENOSPC', path);
  }

  private lookup(path: string): Node {
    let node: Node = this.root;
    for (const segment of splitPath(normalizePath(path))) {
      if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
      const child: Node | undefined = node.children.get(segment);
      if (!child) throw new FsError('ENOENT', path);
      node = child;
    }
    return node;
  }

  private parentOf(path: string): { parent: DirNode; name: string } {
    const normalized = normalizePath(path);
    if (normalized === '/') throw new FsError('EEXIST', path);
    const parent = this.lookup(dirname(normalized));
    if (parent.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return { parent, name: basename(normalized) };
  }

  private statNode(node: Node): Stat {
    if (node.kind === 'dir') {
      let subdirs = 0;
      for (const child of node.children.values()) if (child.kind === 'dir') subdirs++;
      return {
        type: 'dir',
        mode: node.mode,
        uid: node.uid,
        gid: node.gid,
        size: BLOCK_SIZE,
        allocated: BLOCK_SIZE,
        nlink: 2 + subdirs,
        mtimeMs: node.mtimeMs,
      };
    }
    return {
      type: 'file',
      mode: node.mode,
      uid: node.uid,
      gid: node.gid,
      size: node.bytes,
      allocated: allocatedBytes(node.bytes),
      nlink: 1,
      mtimeMs: node.mtimeMs,
    };
  }

  private restoreEntry(entry: SnapshotEntry): void {
    const { parent, name } = this.parentOf(entry.path);
    const meta = { mode: entry.mode, uid: entry.uid, gid: entry.gid, mtimeMs: entry.mtimeMs };
    if (entry.type === 'dir') {
      parent.children.set(name, { kind: 'dir', children: new Map(), ...meta });
    } else {
      parent.children.set(name, { kind: 'file', content: entry.content, bytes: utf8Length(entry.content), ...meta });
    }
  }
}

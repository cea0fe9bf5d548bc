import { FsError } from './errors.ts';
import { splitPath } from './path.ts';
import type { MountableFs, NodeType, SpaceUsage, Stat, WriteOptions } from './types.ts';

/** One node of a generated filesystem; `children`/`read` are evaluated on every access. */
export interface SyntheticNode {
  type: NodeType;
  mode: number;
  gid?: number;
  rdev?: { major: number; minor: number };
  children?: () => Record<string, SyntheticNode>;
  read?: () => string;
  /** Accepts writes (e.g. /dev/null discards them); absent means read-only. */
  write?: (data: string) => void;
}

/**
 * A filesystem whose content is computed from live machine state: /dev lists
 * the attached block devices, /proc reports memory and mounts. Nothing here
 * is persisted and the namespace cannot be changed by the user.
 */
export class SyntheticFs implements MountableFs {
  constructor(
    readonly fsType: string,
    private readonly root: () => SyntheticNode,
    private readonly now: () => number,
  ) {}

  stat(path: string): Stat {
    const node = this.lookup(path);
    const content = node.type === 'file' && node.read ? node.read() : '';
    return {
      type: node.type,
      mode: node.mode,
      uid: 0,
      gid: node.gid ?? 0,
      size: node.type === 'dir' ? 0 : content.length,
      allocated: 0,
      nlink: node.type === 'dir' ? 2 : 1,
      mtimeMs: this.now(),
      ...(node.rdev ? { rdev: node.rdev } : {}),
    };
  }

  readdir(path: string): string[] {
    const node = this.lookup(path);
    if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
    return Object.keys(node.children?.() ?? {});
  }

  readFile(path: string): string {
    const node = this.lookup(path);
    if (node.type === 'dir') throw new FsError('EISDIR', path);
    return node.read?.() ?? '';
  }

  writeFile(path: string, data: string, _options?: WriteOptions): void {
    let node: SyntheticNode;
    try {
      node = this.lookup(path);
    } catch {
      throw new FsError('EACCES', path);
    }
    if (node.type === 'dir') throw new FsError('EISDIR', path);
    if (!node.write) throw new FsError('EACCES', path);
    node.write(data);
  }

  mkdir(path: string): void {
    throw new FsError('EACCES', path);
  }

  rmdir(path: string): void {
    throw new FsError('EACCES', path);
  }

  unlink(path: string): void {
    throw new FsError('EACCES', path);
  }

  rename(from: string): void {
    throw new FsError('EACCES', from);
  }

  setMtime(path: string): void {
    this.lookup(path);
  }

  chmod(path: string): void {
    throw new FsError('EPERM', path);
  }

  statfs(): SpaceUsage {
    return { totalBytes: 0, usedBytes: 0, availableBytes: 0 };
  }

  private lookup(path: string): SyntheticNode {
    let node = this.root();
    for (const segment of splitPath(path)) {
      if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
      const child = node.children?.()[segment];
      if (!child) throw new FsError('ENOENT', path);
      node = child;
    }
    return node;
  }
}

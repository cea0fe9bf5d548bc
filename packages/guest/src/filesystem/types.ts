/**
 * The contract every mountable filesystem implements (the in-memory ext4/tmpfs
 * `Filesystem`, and the synthetic /dev and /proc). Paths given to a mounted
 * filesystem are absolute *within that filesystem* ("/" is its root).
 */
export type NodeType = 'file' | 'dir' | 'blockdev' | 'chardev';

export interface Stat {
  type: NodeType;
  /** Permission bits only (e.g. 0o644). */
  mode: number;
  uid: number;
  gid: number;
  /** Bytes (file content length in UTF-8; 4096 for directories, as ext4 reports). */
  size: number;
  /** Bytes allocated on disk (multiple of the block size). */
  allocated: number;
  nlink: number;
  mtimeMs: number;
  /** Device numbers, for device nodes. */
  rdev?: { major: number; minor: number };
}

export interface SpaceUsage {
  /** What `df` shows as Size. */
  totalBytes: number;
  usedBytes: number;
  /** Available to unprivileged users (Size - Used - reserved blocks). */
  availableBytes: number;
}

export interface WriteOptions {
  append?: boolean;
  mode?: number;
}

export interface MountableFs {
  readonly fsType: string;
  stat(path: string): Stat;
  readdir(path: string): string[];
  readFile(path: string): string;
  /** Creates the file if missing (parent must exist), truncating unless `append`. */
  writeFile(path: string, data: string, options?: WriteOptions): void;
  mkdir(path: string, mode?: number): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  /** Both paths inside this filesystem. */
  rename(from: string, to: string): void;
  setMtime(path: string, mtimeMs: number): void;
  chmod(path: string, mode: number): void;
  statfs(): SpaceUsage;
}

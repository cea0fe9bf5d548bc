import { posix } from 'node:path';

// What the file-transfer servers (SFTP, legacy scp) need of a machine's filesystem, and the pieces
// both share: path resolution against the home directory, errno names from failures, and a file
// open for transfer. The SSH side knows nothing of guests: `ssh-server.ts` plugs one in.

export interface FileStat {
  type: string;
  /** Permission bits only (0o644). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtimeMs: number;
  nlink?: number;
}

/** Errno-style failures: errors carry `code` ("ENOENT", "ENOSPC"…) and `message` (strerror). */
export interface FileAccess {
  stat(path: string): FileStat;
  readdir(path: string): string[];
  readFile(path: string): string;
  writeFile(path: string, data: string, options?: { mode?: number }): void;
  mkdir(path: string, mode?: number): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  rename(from: string, to: string): void;
  chmod(path: string, mode: number): void;
  setMtime(path: string, mtimeMs: number): void;
}

/** Asked again for every operation: the machine may stop or reboot during a session (it then throws). */
export type FilesOf = () => FileAccess;

export interface FileTransferOptions {
  files: FilesOf;
  /** Where relative paths start: the user's home directory. */
  home: string;
}

/** The umask of the login (022): what sshd's children create gets `mode & ~umask`. */
export const UMASK = 0o022;

/** An absolute, normalised path: relative to `home`, `~` and `~/…` expanded, `.`/`..` resolved. */
export function resolveRemotePath(home: string, path: string): string {
  const expanded = path === '~' ? home : path.startsWith('~/') ? `${home}/${path.slice(2)}` : path;
  return posix.resolve(home, expanded);
}

/** The errno name of a filesystem failure ("ENOENT"), or undefined for any other error. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Thrown by the transfer code itself, with an errno like the filesystem's. */
export class TransferError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Guest writes reach the filesystem at least every this many bytes, and at close. */
const COMMIT_EVERY = 256 * 1024;

/**
 * A file open for transfer. Files in the guest are text: the bytes written here are stored as
 * their UTF-8 decoding (a binary file's invalid sequences become U+FFFD), and a file is read as its
 * UTF-8 encoding. The handle keeps the raw bytes it was given, so a character split between two
 * writes is whole again once its second half arrives.
 *
 * Writes act like a process's in the guest: each commit is one write of the file's whole text
 * through the guest's filesystem (its write cache, its space limit: ENOSPC, read-only mounts:
 * EROFS). To keep a large upload linear, writes are committed every 256 KiB and at close, much as
 * the page cache lets a write() succeed before the block reaches the disk.
 */
export class OpenFile {
  private buffer = Buffer.alloc(0);
  private length = 0;
  /** The guest text the buffer mirrors; another writer's change shows as a different string. */
  private source: string | null = null;
  private uncommitted = 0;

  constructor(
    private readonly files: FilesOf,
    readonly path: string,
    readonly access: { read: boolean; write: boolean; append: boolean },
  ) {}

  get isDirty(): boolean {
    return this.uncommitted > 0;
  }

  /** Up to `length` bytes at `offset`; null at the end of the file. */
  read(offset: number, length: number): Buffer | null {
    if (!this.access.read) throw new TransferError('EBADF', 'File not opened for reading');
    const content = this.content();
    if (offset >= content.length) return null;
    return Buffer.from(content.subarray(offset, Math.min(content.length, offset + length)));
  }

  write(offset: number, data: Buffer): void {
    if (!this.access.write) throw new TransferError('EBADF', 'File not opened for writing');
    const at = this.access.append ? this.content().length : offset;
    this.resize(Math.max(this.content().length, at + data.length));
    data.copy(this.buffer, at);
    this.uncommitted += data.length || 1;
    if (this.uncommitted >= COMMIT_EVERY) this.commit();
  }

  truncate(size: number): void {
    this.resize(size);
    this.uncommitted += 1;
    this.commit();
  }

  /** Hands what was written to the guest. On failure the data stays pending (close reports it again). */
  commit(): void {
    if (!this.isDirty) return;
    const text = this.buffer.toString('utf8', 0, this.length);
    this.files().writeFile(this.path, text);
    this.source = text;
    this.uncommitted = 0;
  }

  /** The file's bytes: this handle's pending writes, else the guest's current text. */
  private content(): Buffer {
    if (!this.isDirty) {
      const text = this.files().readFile(this.path);
      if (text !== this.source) {
        this.buffer = Buffer.from(text, 'utf8');
        this.length = this.buffer.length;
        this.source = text;
      }
    }
    return this.buffer.subarray(0, this.length);
  }

  /** Grows (zero-filled, capacity doubling so appends stay linear) or shrinks the content. */
  private resize(size: number): void {
    this.content();
    if (size > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(size, this.buffer.length * 2, 4096));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    } else if (size > this.length) {
      this.buffer.fill(0, this.length, size);
    }
    this.length = size;
  }
}

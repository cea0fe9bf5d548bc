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
  /** `append`: adds `data` at the end (an upload's next part) instead of replacing the content. */
  writeFile(path: string, data: string, options?: { mode?: number; append?: boolean }): void;
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
 * The largest file a transfer writes: guest files live in the server's memory, so one upload must
 * not take gigabytes of it (the guest's disk size caps the total: ENOSPC).
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A file open for transfer. Files in the guest are text: the bytes written here are stored as
 * their UTF-8 decoding (a binary file's invalid sequences become U+FFFD), and a file is read as its
 * UTF-8 encoding. The handle keeps the raw bytes it was given, so a character split between two
 * writes is whole again once its second half arrives.
 *
 * Writes act like a process's in the guest: each commit is a write through the guest's filesystem
 * (its write cache, its space limit: ENOSPC, read-only mounts: EROFS). Writes are committed every
 * 256 KiB and at close, much as the page cache lets a write() succeed before the block reaches the
 * disk. An upload writes at the end of the file: its commits append only the new part (whole
 * characters), so each costs the size of the part, not of the file — a 50 MB upload stays linear
 * and never holds the event loop for long. Other writes (in the middle, truncation) rewrite the file.
 */
export class OpenFile {
  private buffer = Buffer.alloc(0);
  private length = 0;
  /** The guest text the buffer mirrors; another writer's change shows as a different string. */
  private source: string | null = null;
  private uncommitted = 0;
  /** Bytes of the buffer that the guest already holds, when only appends followed them. */
  private committedBytes = 0;
  /** The lowest offset written since the last commit. */
  private dirtyFrom = Number.POSITIVE_INFINITY;
  /** The last commit wrote a cut character (as U+FFFD). */
  private cutTail = false;

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
    if (at + data.length > MAX_FILE_BYTES) {
      throw new TransferError('EFBIG', `File too large: a file in the guest holds at most ${MAX_FILE_BYTES / (1024 * 1024)} MiB`);
    }
    this.resize(Math.max(this.content().length, at + data.length));
    data.copy(this.buffer, at);
    this.dirtyFrom = Math.min(this.dirtyFrom, at);
    this.uncommitted += data.length || 1;
    if (this.uncommitted >= COMMIT_EVERY) this.commit();
  }

  truncate(size: number): void {
    const before = this.content().length;
    this.resize(size);
    // Cutting into what the guest holds needs a rewrite; growing (or sftp's closing "truncate to the
    // size written") only appends, if anything.
    this.dirtyFrom = size < this.committedBytes || size < before ? -1 : Math.min(this.dirtyFrom, before);
    this.uncommitted += 1;
    this.commit();
  }

  /** Hands what was written to the guest. On failure the data stays pending (close reports it again). */
  commit(): void {
    if (!this.isDirty) return;
    const appendable = this.source !== null && !this.cutTail && this.dirtyFrom >= this.committedBytes;
    const end = appendable ? wholeCharactersEnd(this.buffer, this.committedBytes, this.length) : this.length;
    // A character cut at the end waits for its next bytes; at close it is written as it is (below).
    if (appendable && (end === this.length || this.uncommitted >= COMMIT_EVERY)) {
      this.files().writeFile(this.path, this.buffer.toString('utf8', this.committedBytes, end), { append: true });
      this.source = this.files().readFile(this.path);
      this.committedBytes = end;
      this.uncommitted = this.length - end;
      this.dirtyFrom = end < this.length ? end : Number.POSITIVE_INFINITY;
      return;
    }
    const text = this.buffer.toString('utf8', 0, this.length);
    this.files().writeFile(this.path, text);
    this.source = text;
    this.committedBytes = this.length;
    this.uncommitted = 0;
    this.dirtyFrom = Number.POSITIVE_INFINITY;
    // The guest holds U+FFFD for a cut last character: the next commit rewrites it whole.
    this.cutTail = wholeCharactersEnd(this.buffer, 0, this.length) !== this.length;
  }

  /** The file's bytes: this handle's pending writes, else the guest's current text. */
  private content(): Buffer {
    if (!this.isDirty) {
      // The same string as last time (compared by reference first, so this is cheap) unless someone
      // else wrote the file meanwhile.
      const text = this.files().readFile(this.path);
      if (text !== this.source) {
        this.buffer = Buffer.from(text, 'utf8');
        this.length = this.buffer.length;
        this.source = text;
        this.committedBytes = this.length;
        this.cutTail = false;
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
    if (size < this.committedBytes) this.committedBytes = size;
  }
}

/** Where the last whole UTF-8 character in `buffer[from, to)` ends (a cut multi-byte character is left out). */
function wholeCharactersEnd(buffer: Buffer, from: number, to: number): number {
  // Step back over at most 3 continuation bytes to the lead byte of the last character.
  let lead = to - 1;
  while (lead > from && lead > to - 4 && (buffer[lead]! & 0xc0) === 0x80) lead--;
  if (lead < from) return to;
  const byte = buffer[lead]!;
  const width = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead + width <= to ? to : lead;
}

/**
 * The persisted form of a filesystem: plain JSON the engine can store in
 * SQLite, attach to a volume, or capture as an image. Entries are listed
 * parents-first so a snapshot can be replayed in order.
 */
export const SNAPSHOT_FORMAT = 'sandcloud.fs/v1';

interface SnapshotEntryBase {
  /** Absolute path inside the filesystem ("/" is never listed; the root is implicit). */
  path: string;
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
}

export interface SnapshotDirEntry extends SnapshotEntryBase {
  type: 'dir';
}

export interface SnapshotFileEntry extends SnapshotEntryBase {
  type: 'file';
  /** UTF-8 text content. */
  content: string;
}

export type SnapshotEntry = SnapshotDirEntry | SnapshotFileEntry;

export interface FilesystemSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  fsType: 'ext4' | 'tmpfs';
  uuid: string;
  label: string;
  /**
   * Bytes in use that are not modelled as files: the OS packages of an image
   * (so `df` shows ~1G used on a fresh root disk without storing 1G of JSON).
   */
  opaqueUsedBytes: number;
  /** Root directory metadata. */
  root: { mode: number; mtimeMs: number };
  entries: SnapshotEntry[];
}

/** Throws a descriptive error when `value` is not a snapshot this version can load. */
export function assertSnapshot(value: unknown): asserts value is FilesystemSnapshot {
  const candidate = value as Partial<FilesystemSnapshot> | null;
  if (!candidate || typeof candidate !== 'object') throw new Error('filesystem snapshot: not an object');
  if (candidate.format !== SNAPSHOT_FORMAT) {
    throw new Error(`filesystem snapshot: unsupported format ${String(candidate.format)}`);
  }
  if (!Array.isArray(candidate.entries)) throw new Error('filesystem snapshot: entries missing');
  for (const entry of candidate.entries as Partial<SnapshotFileEntry>[]) {
    if (typeof entry?.path !== 'string' || !entry.path.startsWith('/')) {
      throw new Error(`filesystem snapshot: bad entry path ${String(entry?.path)}`);
    }
    if ((entry.type as string) !== 'dir' && entry.type !== 'file') {
      throw new Error(`filesystem snapshot: bad entry type at ${entry.path}`);
    }
    if (entry.type === 'file' && typeof entry.content !== 'string') {
      throw new Error(`filesystem snapshot: file without content at ${entry.path}`);
    }
  }
}

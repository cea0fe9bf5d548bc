import { posix } from 'node:path';
import ssh2, { type Attributes, type FileEntry, type SFTPWrapper } from 'ssh2';
import { errnoOf, messageOf, OpenFile, resolveRemotePath, TransferError, UMASK, type FileStat, type FileTransferOptions } from './file-access.ts';

// The SFTP subsystem (protocol version 3, what ssh2 speaks and OpenSSH's sftp and scp use) over a
// `FileAccess`: sftp-server's requests answered from the machine's filesystem. Relative paths start
// in the home directory. No symlinks (READLINK and SYMLINK are unsupported) and no extensions.

const { STATUS_CODE, OPEN_MODE } = ssh2.utils.sftp;

/** How OpenSSH's sftp-server turns errno into a status (errno_to_portable); the message says more. */
const STATUS_OF_ERRNO: Record<string, number> = {
  ENOENT: STATUS_CODE.NO_SUCH_FILE,
  ENOTDIR: STATUS_CODE.NO_SUCH_FILE,
  EBADF: STATUS_CODE.NO_SUCH_FILE,
  EPERM: STATUS_CODE.PERMISSION_DENIED,
  EACCES: STATUS_CODE.PERMISSION_DENIED,
  EINVAL: STATUS_CODE.BAD_MESSAGE,
};

const TYPE_BITS: Record<string, number> = { dir: 0o040000, file: 0o100000, blockdev: 0o060000, chardev: 0o020000 };
const MAX_HANDLES = 256;
const MAX_READ = 64 * 1024;
const NAMES_PER_READDIR = 100;

type Handle = { kind: 'file'; file: OpenFile } | { kind: 'dir'; path: string; names: string[]; next: number };

/** Serves one accepted `sftp` subsystem channel until the client closes it. */
export function serveSftp(sftp: SFTPWrapper, options: FileTransferOptions): void {
  const { files, home } = options;
  const handles = new Map<number, Handle>();
  let nextHandle = 1;
  const resolve = (path: string) => resolveRemotePath(home, path);

  /** Runs a request; a failure becomes its status (errno → SFTP code, strerror as the message). */
  const answer = (reqId: number, run: () => void) => {
    try {
      run();
    } catch (error) {
      const errno = errnoOf(error);
      sftp.status(reqId, errno ? (STATUS_OF_ERRNO[errno] ?? STATUS_CODE.FAILURE) : STATUS_CODE.FAILURE, messageOf(error));
    }
  };
  const ok = (reqId: number) => sftp.status(reqId, STATUS_CODE.OK);
  const open = (handle: Handle): Buffer => {
    if (handles.size >= MAX_HANDLES) throw new TransferError('EMFILE', 'Too many open files');
    const id = nextHandle++;
    handles.set(id, handle);
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(id);
    return bytes;
  };
  const handleOf = (bytes: Buffer) => (bytes.length === 4 ? handles.get(bytes.readUInt32BE()) : undefined);
  const fileOf = (bytes: Buffer): OpenFile => {
    const handle = handleOf(bytes);
    if (handle?.kind !== 'file') throw new TransferError('EBADHANDLE', 'Invalid handle');
    return handle.file;
  };
  /** Path requests see every handle's writes, as every process sees the page cache. */
  const commitAll = () => {
    for (const handle of handles.values()) {
      if (handle.kind !== 'file') continue;
      try {
        handle.file.commit();
      } catch {
        // Still pending: the handle's next write or its close reports the failure.
      }
    }
  };
  const attrsOf = (path: string) => toAttrs(files().stat(path));
  const setStat = (path: string, attrs: Partial<Attributes>, file?: OpenFile) => {
    // The guest has no users besides root: ownership (uid/gid) stays as it is.
    if (attrs.size !== undefined) (file ?? new OpenFile(files, path, { read: true, write: true, append: false })).truncate(attrs.size);
    if (attrs.mode !== undefined) files().chmod(path, attrs.mode & 0o7777);
    if (attrs.mtime !== undefined) files().setMtime(path, attrs.mtime * 1000);
    if (attrs.size === undefined && attrs.mode === undefined && attrs.mtime === undefined) files().stat(path);
  };

  sftp.on('OPEN', (reqId, filename, flags, attrs: Partial<Attributes>) =>
    answer(reqId, () => {
      commitAll();
      const path = resolve(filename);
      const access = { read: (flags & OPEN_MODE.READ) !== 0, write: (flags & (OPEN_MODE.WRITE | OPEN_MODE.APPEND)) !== 0, append: (flags & OPEN_MODE.APPEND) !== 0 };
      const existing = statOrNull(() => files().stat(path));
      if (existing?.type === 'dir') throw new TransferError('EISDIR', 'Is a directory');
      if (existing && flags & OPEN_MODE.CREAT && flags & OPEN_MODE.EXCL) throw new TransferError('EEXIST', 'File exists');
      if (!existing && !(flags & OPEN_MODE.CREAT)) throw new TransferError('ENOENT', 'No such file or directory');
      if (!existing) files().writeFile(path, '', { mode: (attrs.mode ?? 0o666) & 0o7777 & ~UMASK });
      else if (flags & OPEN_MODE.TRUNC && access.write) files().writeFile(path, '');
      sftp.handle(reqId, open({ kind: 'file', file: new OpenFile(files, path, access) }));
    }),
  );
  sftp.on('READ', (reqId, handle, offset, length) =>
    answer(reqId, () => {
      const data = fileOf(handle).read(offset, Math.min(length, MAX_READ));
      if (data) sftp.data(reqId, data);
      else sftp.status(reqId, STATUS_CODE.EOF);
    }),
  );
  sftp.on('WRITE', (reqId, handle, offset, data) =>
    answer(reqId, () => {
      fileOf(handle).write(offset, data);
      ok(reqId);
    }),
  );
  sftp.on('FSTAT', (reqId, handle) =>
    answer(reqId, () => {
      const file = fileOf(handle);
      file.commit();
      sftp.attrs(reqId, attrsOf(file.path));
    }),
  );
  sftp.on('FSETSTAT', (reqId, handle, attrs: Partial<Attributes>) =>
    answer(reqId, () => {
      const file = fileOf(handle);
      file.commit();
      setStat(file.path, attrs, file);
      ok(reqId);
    }),
  );
  sftp.on('CLOSE', (reqId, handle) =>
    answer(reqId, () => {
      const closing = handleOf(handle);
      if (!closing) throw new TransferError('EBADHANDLE', 'Invalid handle');
      handles.delete(handle.readUInt32BE());
      if (closing.kind === 'file') closing.file.commit();
      ok(reqId);
    }),
  );
  sftp.on('OPENDIR', (reqId, dirPath) =>
    answer(reqId, () => {
      commitAll();
      const path = resolve(dirPath);
      if (files().stat(path).type !== 'dir') throw new TransferError('ENOTDIR', 'Not a directory');
      sftp.handle(reqId, open({ kind: 'dir', path, names: ['.', '..', ...files().readdir(path)], next: 0 }));
    }),
  );
  sftp.on('READDIR', (reqId, handle) =>
    answer(reqId, () => {
      const dir = handleOf(handle);
      if (dir?.kind !== 'dir') throw new TransferError('EBADHANDLE', 'Invalid handle');
      const entries: FileEntry[] = [];
      while (dir.next < dir.names.length && entries.length < NAMES_PER_READDIR) {
        const name = dir.names[dir.next++] as string;
        const stat = statOrNull(() => files().stat(posix.join(dir.path, name)));
        if (stat) entries.push({ filename: name, longname: longName(name, stat), attrs: toAttrs(stat) });
      }
      if (entries.length > 0) sftp.name(reqId, entries);
      else sftp.status(reqId, STATUS_CODE.EOF);
    }),
  );
  for (const request of ['STAT', 'LSTAT'] as const) {
    sftp.on(request, (reqId: number, path: string) =>
      answer(reqId, () => {
        commitAll();
        sftp.attrs(reqId, attrsOf(resolve(path)));
      }),
    );
  }
  sftp.on('SETSTAT', (reqId, path, attrs: Partial<Attributes>) =>
    answer(reqId, () => {
      commitAll();
      setStat(resolve(path), attrs);
      ok(reqId);
    }),
  );
  sftp.on('REALPATH', (reqId, path) =>
    answer(reqId, () => {
      const resolved = resolve(path);
      sftp.name(reqId, [{ filename: resolved, longname: resolved, attrs: {} as Attributes }]);
    }),
  );
  sftp.on('MKDIR', (reqId, path, attrs: Partial<Attributes>) =>
    answer(reqId, () => {
      files().mkdir(resolve(path), (attrs.mode ?? 0o777) & 0o7777 & ~UMASK);
      ok(reqId);
    }),
  );
  sftp.on('RMDIR', (reqId, path) =>
    answer(reqId, () => {
      files().rmdir(resolve(path));
      ok(reqId);
    }),
  );
  sftp.on('REMOVE', (reqId, path) =>
    answer(reqId, () => {
      commitAll();
      files().unlink(resolve(path));
      ok(reqId);
    }),
  );
  sftp.on('RENAME', (reqId, from, to) =>
    answer(reqId, () => {
      commitAll();
      const target = resolve(to);
      // SFTP v3 rename never replaces (OpenSSH's sftp-server links, then unlinks).
      if (statOrNull(() => files().stat(target))) throw new TransferError('EEXIST', 'File exists');
      files().rename(resolve(from), target);
      ok(reqId);
    }),
  );

  // The client's EOF ends the session, as sftp-server exits then.
  sftp.on('end', () => endSubsystem(sftp));
  // A client that goes away leaves what it wrote, as a killed process's page cache does.
  sftp.on('close', () => {
    commitAll();
    handles.clear();
  });
}

/**
 * Ends the channel as sshd does when sftp-server exits: exit-status 0, EOF, close. ssh2's SFTP
 * server only closes (mscdex/ssh2#1492, open), after which OpenSSH's scp reports a good transfer
 * with exit code 1; so the status goes out through ssh2's protocol object, guarded in case those
 * internals change (the channel then just closes).
 */
function endSubsystem(sftp: SFTPWrapper): void {
  const { _protocol: protocol, outgoing } = sftp as unknown as {
    _protocol?: { exitStatus?: (channel: number, status: number) => void; channelEOF?: (channel: number) => void };
    outgoing?: { id: number; state: string };
  };
  if (outgoing?.state === 'open' && typeof protocol?.exitStatus === 'function' && typeof protocol.channelEOF === 'function') {
    protocol.exitStatus(outgoing.id, 0);
    protocol.channelEOF(outgoing.id);
    outgoing.state = 'eof';
  }
  sftp.end();
}

function statOrNull(stat: () => FileStat): FileStat | null {
  try {
    return stat();
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return null;
    throw error;
  }
}

function toAttrs(stat: FileStat): Attributes {
  const seconds = Math.floor(stat.mtimeMs / 1000);
  return { mode: (TYPE_BITS[stat.type] ?? 0) | (stat.mode & 0o7777), uid: stat.uid, gid: stat.gid, size: stat.size, atime: seconds, mtime: seconds };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The `ls -l` line OpenSSH's sftp-server sends with each name (sftp's `ls -l` prints it as is). */
function longName(name: string, stat: FileStat): string {
  const when = new Date(stat.mtimeMs);
  const recent = Date.now() - stat.mtimeMs < 182.5 * 24 * 3600 * 1000 && stat.mtimeMs <= Date.now();
  const hhmm = `${String(when.getUTCHours()).padStart(2, '0')}:${String(when.getUTCMinutes()).padStart(2, '0')}`;
  const date = `${MONTHS[when.getUTCMonth()]} ${String(when.getUTCDate()).padStart(2)} ${recent ? hhmm : ` ${when.getUTCFullYear()}`}`;
  const owner = (id: number) => (id === 0 ? 'root' : String(id)).padEnd(8);
  return `${modeString(stat)} ${String(stat.nlink ?? 1).padStart(3)} ${owner(stat.uid)} ${owner(stat.gid)} ${String(stat.size).padStart(8)} ${date} ${name}`;
}

function modeString(stat: FileStat): string {
  const type = { dir: 'd', blockdev: 'b', chardev: 'c' }[stat.type] ?? '-';
  const bits = ['r', 'w', 'x', 'r', 'w', 'x', 'r', 'w', 'x'].map((letter, i) => (stat.mode & (0o400 >> i) ? letter : '-'));
  return type + bits.join('');
}

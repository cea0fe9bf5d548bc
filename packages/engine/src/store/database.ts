import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './schema.ts';

export type SqliteDatabase = BetterSqlite3.Database;

/**
 * The database cannot be used as it is: the message says, in one line, what is wrong and what to
 * do. The server prints it and exits instead of a stack trace.
 */
export class DatabaseStartupError extends Error {
  override readonly name = 'DatabaseStartupError';
}

/** How long opening waits for a lock another process holds before saying so. */
const OPEN_BUSY_TIMEOUT_MS = 2_000;
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (and migrates) the embedded database. `':memory:'` gives a private in-memory database for
 * tests; any other value is a file path.
 *
 * Durability: WAL with synchronous=NORMAL. WAL lets the event stream read while a write commits.
 * NORMAL writes each commit to the log before it is acknowledged but leaves the fsync to the
 * checkpoint: an acknowledged change survives the process dying (`kill -9`, a crash, an OOM kill —
 * the log is in the operating system's cache), and a power cut or kernel panic can lose the last
 * commits before the checkpoint but never corrupts the file. FULL (an fsync per commit) cost 5–40 ms
 * per mutation on this machine's shared disk, most of a console request's time (bench/sse.bench.ts),
 * for a guarantee a local sandbox whose state is test data does not need.
 *
 * A file that is not a database, a damaged one, a directory in its place, one locked by another
 * process or one written by a newer Sandcloud throws a `DatabaseStartupError`.
 */
export function openDatabase(location: string, migrations: readonly string[] = MIGRATIONS): SqliteDatabase {
  const memory = location === ':memory:';
  if (!memory) {
    mkdirSync(dirname(location), { recursive: true });
    if (statSync(location, { throwIfNoEntry: false })?.isDirectory()) {
      throw new DatabaseStartupError(`${location} is a directory, not a database file: move it aside (or choose another SANDCLOUD_DATA_DIR) and start again`);
    }
  }
  let db: SqliteDatabase | undefined;
  try {
    db = new BetterSqlite3(location, { timeout: OPEN_BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // The whole-file check costs a read of every page (325 ms at 10,000 instances): it runs unless
    // this process's lock found the file exactly as a clean shutdown left it (see `lockDatabase`).
    if (!memory && !cleanShutdowns.has(location)) assertIntact(db, location);
    cleanShutdowns.delete(location);
    migrate(db, location, migrations);
    // Reading was allowed; make sure writing is too (another process may hold the write lock).
    if (!memory) db.exec('BEGIN IMMEDIATE; COMMIT');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!memory) opened.add(location);
    return db;
  } catch (error) {
    if (db?.open) db.close();
    throw explain(error, location);
  }
}

/** Opening reads only the header and the schema: a damaged page elsewhere shows up here, not mid-request. */
function assertIntact(db: SqliteDatabase, location: string): void {
  const problems = db.pragma('quick_check(3)', { simple: false }) as { quick_check: string }[];
  const first = problems[0]?.quick_check;
  if (first !== undefined && first !== 'ok') {
    throw new DatabaseStartupError(`${location} is damaged (${first}): restore it from a backup, or move it aside to start with an empty database`);
  }
}

function migrate(db: SqliteDatabase, location: string, migrations: readonly string[]): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > migrations.length) {
    throw new DatabaseStartupError(
      `${location} was written by a newer Sandcloud (schema version ${applied}; this one knows up to ${migrations.length}): run that newer version, or restore a backup made by this one`,
    );
  }
  for (let version = applied; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Turns SQLite's codes into what is wrong and what to do. */
function explain(error: unknown, location: string): Error {
  if (error instanceof DatabaseStartupError) return error;
  const code = (error as { code?: string }).code ?? '';
  const detail = (error as Error).message;
  if (code === 'SQLITE_NOTADB') {
    return new DatabaseStartupError(`${location} is not a Sandcloud database (${detail}): move it aside (or restore a backup) and start again`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseStartupError(`${location} is damaged (${detail}): restore it from a backup, or move it aside to start with an empty database`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseStartupError(`${location} is locked by another process (an sqlite3 shell, a backup, another Sandcloud?): close it and start again`);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_IOERR')) {
    return new DatabaseStartupError(`Cannot open ${location} (${detail}): check that it and its directory are readable and writable by this user`);
  }
  if (code === 'SQLITE_FULL') {
    return new DatabaseStartupError(`Cannot open ${location}: the disk is full; free some space and start again`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Files this process locked that the previous owner closed cleanly and nobody changed since. */
const cleanShutdowns = new Set<string>();
/** Files `openDatabase` opened whole in this process (a failed open leaves no clean stamp). */
const opened = new Set<string>();

/** Reads and removes `<file>.clean`: from here on a crash must find no stamp. */
function readStamp(cleanPath: string): string | undefined {
  try {
    return readFileSync(cleanPath, 'utf8');
  } catch {
    return undefined;
  } finally {
    rmSync(cleanPath, { force: true });
  }
}

/**
 * What a clean shutdown leaves in `<file>.clean`: the closed file's size and modification time, to
 * the millisecond (what `cp -p` and `fs.cpSync` with `preserveTimestamps` keep, so a copy of a cleanly
 * closed directory made that way also opens without the check).
 */
function fileStamp(location: string): string | undefined {
  const stat = statSync(location, { throwIfNoEntry: false });
  return stat?.isFile() ? `${stat.size} ${Math.floor(stat.mtimeMs)}` : undefined;
}

/**
 * Claims the data file for this process: `<file>.lock` holds the owner's pid, created exclusively.
 * A lock left by a process that no longer runs (kill -9, a power cut) is taken over. Returns the
 * release. The store is then the only writer, which is what lets it keep its records in memory.
 *
 * The release (after the database is closed) also writes `<file>.clean` with the file's size and
 * modification time. The next lock consumes it: when the file is still exactly as it was closed,
 * `openDatabase` skips the whole-file integrity check. After a crash, a power cut, a copied or an
 * edited file there is no stamp or it does not match, and the check runs.
 */
export function lockDatabase(location: string): () => void {
  if (location === ':memory:') return () => {};
  mkdirSync(dirname(location), { recursive: true });
  const lockPath = `${location}.lock`;
  const cleanPath = `${location}.clean`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      const stamp = readStamp(cleanPath);
      if (stamp !== undefined && stamp === fileStamp(location)) cleanShutdowns.add(location);
      else cleanShutdowns.delete(location);
      opened.delete(location);
      return () => {
        if (ownerOf(lockPath) !== process.pid) return;
        // Only a file this process opened (and checked) and has closed again counts as clean.
        const closed = opened.delete(location) ? fileStamp(location) : undefined;
        if (closed) writeFileSync(cleanPath, closed);
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DatabaseStartupError(`Cannot create ${lockPath} (${(error as Error).message}): check that the data directory is writable by this user`);
      }
      const owner = ownerOf(lockPath);
      if (owner !== undefined && isRunning(owner)) {
        throw new DatabaseStartupError(
          `Another Sandcloud (pid ${owner}) is already using ${dirname(location)}: stop it first, or set SANDCLOUD_DATA_DIR to another directory`,
        );
      }
      if (attempt > 0) throw new DatabaseStartupError(`Cannot take over the stale lock ${lockPath}: remove it and start again`);
      rmSync(lockPath, { force: true }); // its owner is gone
    }
  }
}

function ownerOf(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

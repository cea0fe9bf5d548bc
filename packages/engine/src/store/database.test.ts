import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.ts';
import { DatabaseStartupError, lockDatabase, openDatabase } from './database.ts';
import { MIGRATIONS } from './schema.ts';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'sandcloud-db-')), 'sandcloud.db');

/** A real database with a few hundred rows, closed: several pages for corruption to hit. */
function populatedDatabase(): string {
  const path = freshPath();
  const db = openDatabase(path);
  const insert = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
  db.transaction(() => {
    for (let i = 0; i < 400; i++) insert.run(`key-${i}`, 'x'.repeat(200));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

function startupError(path: string, migrations?: readonly string[]): DatabaseStartupError {
  try {
    openDatabase(path, migrations).close();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseStartupError);
    expect((error as Error).message).not.toContain('\n');
    return error as DatabaseStartupError;
  }
  throw new Error(`${path} opened`);
}

describe('opening the database', () => {
  it('refuses a file that is not a database, saying what to do', () => {
    const path = freshPath();
    writeFileSync(path, 'this is a shopping list, not a database\n'.repeat(200));
    expect(startupError(path).message).toBe(
      `${path} is not a Sandcloud database (file is not a database): move it aside (or restore a backup) and start again`,
    );
  });

  it('refuses a truncated database', () => {
    const path = populatedDatabase();
    truncateSync(path, statSync(path).size / 2);
    expect(startupError(path).message).toMatch(new RegExp(`^${path} is damaged \\(.+\\): restore it from a backup, or move it aside to start with an empty database$`));
  });

  it('refuses a database with damaged pages', () => {
    const path = populatedDatabase();
    const fd = openSync(path, 'r+');
    // Page 2 onwards: the b-tree pages of the tables, far from the header SQLite checks first.
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 4096);
    closeSync(fd);
    expect(startupError(path).message).toMatch(new RegExp(`^${path} is damaged \\(.+\\): restore it from a backup`));
  });

  it('refuses a directory in place of the file', () => {
    const path = freshPath();
    mkdirSync(path);
    expect(startupError(path).message).toBe(`${path} is a directory, not a database file: move it aside (or choose another SANDCLOUD_DATA_DIR) and start again`);
  });

  it('refuses a database another process holds locked, after a short wait', () => {
    const path = populatedDatabase();
    const other = new BetterSqlite3(path);
    other.exec('BEGIN EXCLUSIVE');
    try {
      expect(startupError(path).message).toBe(
        `${path} is locked by another process (an sqlite3 shell, a backup, another Sandcloud?): close it and start again`,
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('refuses a database written by a newer Sandcloud', () => {
    const path = populatedDatabase();
    const db = new BetterSqlite3(path);
    db.pragma('user_version = 99');
    db.close();
    expect(startupError(path).message).toBe(
      `${path} was written by a newer Sandcloud (schema version 99; this one knows up to ${MIGRATIONS.length}): run that newer version, or restore a backup made by this one`,
    );
  });
});

describe('migrations', () => {
  const version = (path: string) => {
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      return db.pragma('user_version', { simple: true });
    } finally {
      db.close();
    }
  };

  it('run once each, in order, and record the version', () => {
    const path = freshPath();
    const counting = [...MIGRATIONS, "CREATE TABLE runs (n INTEGER); INSERT INTO runs VALUES (1);"];
    openDatabase(path, counting).close();
    openDatabase(path, counting).close();
    expect(version(path)).toBe(counting.length);
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM runs').pluck().get()).toBe(1);
    db.close();
  });

  it('a failing migration leaves the previous version whole', () => {
    const path = freshPath();
    openDatabase(path).close();
    const broken = [...MIGRATIONS, 'CREATE TABLE half (n INTEGER); INSERT INTO nowhere VALUES (1);'];
    expect(() => openDatabase(path, broken)).toThrow(/no such table: nowhere/);
    expect(version(path)).toBe(MIGRATIONS.length);
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('one Sandcloud per data directory', () => {
  it('a second engine on the same database is refused until the first closes', () => {
    const path = freshPath();
    const first = createEngine({ databasePath: path });
    expect(() => createEngine({ databasePath: path })).toThrow(
      `Another Sandcloud (pid ${process.pid}) is already using ${join(path, '..')}: stop it first, or set SANDCLOUD_DATA_DIR to another directory`,
    );
    first.close();
    createEngine({ databasePath: path }).close();
  });

  it('takes over the lock of a process that is gone (kill -9, power cut)', () => {
    const path = freshPath();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(`${path}.lock`, `${gone}\n`);
    const release = lockDatabase(path);
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    release();
  });

  it('a clean shutdown stamps the file; the next start consumes the stamp, a crash leaves none', () => {
    const path = freshPath();
    createEngine({ databasePath: path }).close();
    const { size, mtimeMs } = statSync(path);
    expect(readFileSync(`${path}.clean`, 'utf8')).toBe(`${size} ${Math.floor(mtimeMs)}`);
    const engine = createEngine({ databasePath: path });
    expect(existsSync(`${path}.clean`)).toBe(false);
    engine.close();
    expect(existsSync(`${path}.clean`)).toBe(true);
  });

  it('still checks the whole file when it changed after a clean shutdown, or after a crash', () => {
    const damage = (path: string) => {
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 4096);
      closeSync(fd);
      // A later write: here within the close's millisecond, so its time is set as a second later.
      const { atime, mtime } = statSync(path);
      utimesSync(path, atime, new Date(mtime.getTime() + 1000));
    };
    const changed = freshPath();
    createEngine({ databasePath: changed }).close();
    damage(changed);
    expect(() => createEngine({ databasePath: changed })).toThrow(new RegExp(`^${changed} is damaged \\(.+\\): restore it from a backup`, 's'));

    const crashed = freshPath();
    createEngine({ databasePath: crashed }).close();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    rmSync(`${crashed}.clean`);
    writeFileSync(`${crashed}.lock`, `${gone}\n`);
    damage(crashed);
    expect(() => createEngine({ databasePath: crashed })).toThrow(new RegExp(`^${crashed} is damaged \\(.+\\): restore it from a backup`, 's'));
    // A refused file gets no clean stamp either: the next start checks it again.
    expect(existsSync(`${crashed}.clean`)).toBe(false);
  });
});

import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './schema.ts';

export type SqliteDatabase = BetterSqlite3.Database;

/**
 * Opens (and migrates) the embedded database. `':memory:'` gives a private in-memory database for
 * tests; any other value is a file path.
 *
 * Durability: WAL with synchronous=FULL. WAL lets the event stream read while a write commits; FULL
 * makes the commit fsync the log, so an acknowledged change survives not only `kill -9` (NORMAL would
 * do for that) but also a power cut. The cost is one fsync per mutation, which is fine for a console.
 */
export function openDatabase(location: string): SqliteDatabase {
  if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
  const db = new BetterSqlite3(location);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let version = applied; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

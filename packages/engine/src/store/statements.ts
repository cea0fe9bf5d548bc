import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from './database.ts';

/** Prepares each SQL text once per database (preparing costs more than running a small statement). */
export class Statements {
  private readonly cache = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: SqliteDatabase) {}

  get(sql: string): BetterSqlite3.Statement {
    let statement = this.cache.get(sql);
    if (!statement) this.cache.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

import type { Engine } from '../engine.ts';

/**
 * Makes the engine's database behave as on a full disk, the way SQLite reports it: every statement
 * that writes fails with SQLITE_FULL, reads still work. Returns the function that gives the space
 * back. (A page limit on a real file does not do it: tables keep free room inside their pages.)
 */
export function simulateFullDisk(engine: Engine): () => void {
  const db = engine.store.db;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!statement.reader) {
      statement.run = () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      };
    }
    return statement;
  }) as typeof db.prepare;
  return () => {
    db.prepare = prepare;
  };
}

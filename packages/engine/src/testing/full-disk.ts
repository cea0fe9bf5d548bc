import type { Engine } from '../engine.ts';

type Run = (this: { reader: boolean }, ...params: unknown[]) => unknown;

/**
 * Makes the engine's database behave as on a full disk, the way SQLite reports it: every statement
 * that writes fails with SQLITE_FULL, reads still work. Returns the function that gives the space
 * back. (A page limit on a real file does not do it: tables keep free room inside their pages.)
 * It works on the statements' shared prototype, so statements compiled before the disk filled (the
 * store caches them) fail as well; it holds for every database of the process until given back.
 */
export function simulateFullDisk(engine: Engine): () => void {
  const statementPrototype = Object.getPrototypeOf(engine.store.db.prepare('SELECT 1')) as { run: Run };
  const run = statementPrototype.run;
  statementPrototype.run = function (this: { reader: boolean }, ...params: unknown[]) {
    if (!this.reader) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    return run.apply(this, params);
  };
  return () => {
    statementPrototype.run = run;
  };
}

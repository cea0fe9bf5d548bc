import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskFailure } from './scheduler.ts';
import { createTestWorld, instanceInput } from '../testing/test-world.ts';

// Issue 13: a disk that fills while a BUILD is due, or another process holding the database lock,
// made the scheduler's timer path throw and the process exit. Here real SQLite fails the same ways.

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** An engine on a database file with an instance in BUILD whose end is due now. */
function buildDue() {
  const dir = mkdtempSync(join(tmpdir(), 'sandcloud-scheduler-'));
  const path = join(dir, 'sandcloud.db');
  const world = createTestWorld({ databasePath: path });
  const { engine, clock, projectId } = world;
  cleanups.push(() => {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  });
  engine.store.db.pragma('busy_timeout = 0'); // fail at once instead of waiting 5 s for the lock
  const { instances } = world.m;
  const [instance] = instances.create(projectId, instanceInput(world));
  clock.advance(5_000);
  const failures: TaskFailure[] = [];
  engine.scheduler.onFailure((failure) => failures.push(failure));
  const status = () => instances.get(projectId, instance!.id).status;
  return { engine, path, clock, failures, status };
}

describe('the scheduler on a failing database', () => {
  it('SQLITE_BUSY (another process holds the lock): runDue does not throw; BUILD ends once the lock is gone', () => {
    const { engine, path, clock, failures, status } = buildDue();
    const other = new BetterSqlite3(path);
    other.exec('BEGIN EXCLUSIVE');

    expect(() => engine.scheduler.runDue()).not.toThrow();
    expect(failures).toEqual([expect.objectContaining({ type: 'lifecycle.step', code: 'SQLITE_BUSY', outcome: 'retry', attempt: 1 })]);
    expect(status()).toBe('BUILD');

    other.exec('COMMIT');
    other.close();
    clock.advance(250);
    expect(engine.scheduler.runDue()).toBe(1);
    expect(status()).toBe('ACTIVE');
  });

  it('SQLITE_FULL (the disk fills): runDue does not throw; BUILD ends once there is room again', () => {
    const { engine, clock, failures, status } = buildDue();
    const db = engine.store.db;
    // The database may not grow any more, and what free space it had is used up.
    db.exec('CREATE TABLE filler (x BLOB)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    expect(() => {
      for (;;) db.prepare('INSERT INTO filler VALUES (zeroblob(1024))').run();
    }).toThrow('database or disk is full');

    expect(() => engine.scheduler.runDue()).not.toThrow();
    expect(failures).toEqual([expect.objectContaining({ type: 'lifecycle.step', code: 'SQLITE_FULL', outcome: 'retry', attempt: 1 })]);
    expect(status()).toBe('BUILD');

    db.pragma('max_page_count = 1073741823');
    clock.advance(10_000);
    expect(engine.scheduler.runDue()).toBe(1);
    expect(status()).toBe('ACTIVE');
  });
});

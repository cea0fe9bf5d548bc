import type { SqliteDatabase } from './database.ts';

/** What each disk holds (an instance's root disk, keyed by the instance id), as serialized text. */
export class DiskContentsTable {
  constructor(private readonly db: SqliteDatabase) {}

  read(ownerId: string): string | undefined {
    return this.db.prepare('SELECT snapshot FROM disk_contents WHERE owner_id = ?').pluck().get(ownerId) as string | undefined;
  }

  write(ownerId: string, snapshot: string): void {
    this.db
      .prepare('INSERT INTO disk_contents (owner_id, snapshot) VALUES (?, ?) ON CONFLICT (owner_id) DO UPDATE SET snapshot = excluded.snapshot')
      .run(ownerId, snapshot);
  }

  delete(ownerId: string): void {
    this.db.prepare('DELETE FROM disk_contents WHERE owner_id = ?').run(ownerId);
  }
}

import type { FilesystemSnapshot } from '@sandcloud/guest';
import type { ResourceStore } from '../store/resource-store.ts';

/** The flushed content of instances' root disks, one JSON snapshot per instance. */
export class DiskContents {
  constructor(private readonly store: ResourceStore) {}

  read(ownerId: string): FilesystemSnapshot | undefined {
    const row = this.store.db.prepare('SELECT snapshot FROM disk_contents WHERE owner_id = ?').get(ownerId) as { snapshot: string } | undefined;
    return row ? (JSON.parse(row.snapshot) as FilesystemSnapshot) : undefined;
  }

  write(ownerId: string, snapshot: FilesystemSnapshot): void {
    this.store.transaction(() =>
      this.store.db
        .prepare('INSERT INTO disk_contents (owner_id, snapshot) VALUES (?, ?) ON CONFLICT (owner_id) DO UPDATE SET snapshot = excluded.snapshot')
        .run(ownerId, JSON.stringify(snapshot)),
    );
  }

  delete(ownerId: string): void {
    this.store.transaction(() => this.store.db.prepare('DELETE FROM disk_contents WHERE owner_id = ?').run(ownerId));
  }
}

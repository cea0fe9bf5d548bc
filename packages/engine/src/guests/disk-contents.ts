import type { FilesystemSnapshot } from '@sandcloud/guest';
import type { ResourceStore } from '../store/resource-store.ts';

/** The flushed content of instances' root disks, one JSON snapshot per instance. */
export class DiskContents {
  constructor(private readonly store: ResourceStore) {}

  read(ownerId: string): FilesystemSnapshot | undefined {
    const text = this.store.diskContents.read(ownerId);
    return text === undefined ? undefined : (JSON.parse(text) as FilesystemSnapshot);
  }

  write(ownerId: string, snapshot: FilesystemSnapshot): void {
    this.store.transaction(() => this.store.diskContents.write(ownerId, JSON.stringify(snapshot)));
  }

  delete(ownerId: string): void {
    this.store.transaction(() => this.store.diskContents.delete(ownerId));
  }
}

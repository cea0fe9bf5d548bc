import { newId } from '../core/ids.ts';
import type { ResourceStore } from './resource-store.ts';
import type { ResourceBase } from './resource.ts';

/**
 * What an API keeps beside a resource of another kind, one record per resource with the resource's
 * id as its `name` (Cinder's metadata of a volume, Nova's access addresses of a server, Glance's bytes
 * of an uploaded image). Found through the store's index on `name`; `forget` drops the record when
 * its resource is gone.
 */
export class SideRecords<T extends object> {
  constructor(
    private readonly store: ResourceStore,
    private readonly kind: string,
    /** The status the records carry (nothing reads it). */
    private readonly status = 'active',
  ) {}

  /** The record kept for a resource, if any. */
  get(ownerId: string): (ResourceBase & T) | undefined {
    return this.store.findOne<ResourceBase & T>(this.kind, 'name', ownerId);
  }

  /** The records of a project's resources, by resource id. */
  byOwner(projectId: string): Map<string, ResourceBase & T> {
    return new Map(this.store.list<ResourceBase & T>(this.kind, projectId).map((record) => [record.name, record]));
  }

  /** Writes a resource's record: changes the one kept, or adds it (inside the caller's transaction). */
  put(projectId: string | null, ownerId: string, fields: T): void {
    const current = this.get(ownerId);
    if (current) this.store.update<ResourceBase & T>(this.kind, current, fields as Partial<ResourceBase & T>);
    else this.store.insert<ResourceBase & T>(this.kind, { id: newId(), projectId, name: ownerId, status: this.status, ...fields } as Omit<ResourceBase & T, 'createdAt' | 'updatedAt'>);
  }

  /** Drops the record of a resource that is gone. */
  forget(ownerId: string): void {
    this.store.transaction(() => {
      const current = this.get(ownerId);
      if (current) this.store.delete(this.kind, current);
    });
  }
}

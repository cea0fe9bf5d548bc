import { invalidInput } from '../core/errors.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { SideRecords } from '../store/side-records.ts';
import type { VolumeSnapshotService } from './volume-snapshot-service.ts';
import type { VolumeService } from './volume-service.ts';

/** Cinder metadata: free key/value pairs a client keeps on a volume or a snapshot (the console does not show them). */
interface VolumeMetadataRow {
  /** The volume's or the snapshot's id (also the row's `name`). */
  volumeId: string;
  metadata: Record<string, string>;
}

/** Whose metadata: a volume's or a snapshot's (each checked to be the project's). */
export type MetadataOwner = 'volume' | 'snapshot';

export const MAX_VOLUME_METADATA_ITEMS = 64;

/**
 * Key/value metadata of a volume or a snapshot, as Cinder keeps it (keys and values at most 255
 * characters). One row per resource, next to it in the store; it goes with it (`forget` on delete).
 */
export class VolumeMetadataService {
  private readonly rows: SideRecords<VolumeMetadataRow>;

  constructor(
    private readonly store: ResourceStore,
    private readonly volumes: VolumeService,
    private readonly snapshots: VolumeSnapshotService,
  ) {
    this.rows = new SideRecords(store, 'volume-metadata');
  }

  get(projectId: string, volumeId: string, owner: MetadataOwner = 'volume'): Record<string, string> {
    this.owned(projectId, volumeId, owner);
    return { ...(this.rows.get(volumeId)?.metadata ?? {}) };
  }

  /** Replaces all metadata (`replace`), or merges the given keys into it. */
  set(projectId: string, volumeId: string, metadata: Record<string, string>, replace: boolean, owner: MetadataOwner = 'volume'): Record<string, string> {
    for (const [key, value] of Object.entries(metadata)) {
      if (key.length === 0 || key.length > 255) throw invalidInput('Metadata keys have 1 to 255 characters', 'metadata').coded('metadata.keyLength', { min: 1, max: 255 });
      if (typeof value !== 'string' || value.length > 255) throw invalidInput(`Metadata value of ${key} must be a string of at most 255 characters`, 'metadata').coded('metadata.valueTooLong', { key, max: 255 });
    }
    return this.store.transaction(() => {
      const volume = this.owned(projectId, volumeId, owner);
      const current = this.rows.get(volume.id);
      const next = replace ? { ...metadata } : { ...(current?.metadata ?? {}), ...metadata };
      if (Object.keys(next).length > MAX_VOLUME_METADATA_ITEMS) throw invalidInput(`A volume has at most ${MAX_VOLUME_METADATA_ITEMS} metadata items`, 'metadata').coded('volume.metadataTooMany', { max: MAX_VOLUME_METADATA_ITEMS });
      this.rows.put(projectId, volume.id, { volumeId: volume.id, metadata: next });
      return next;
    });
  }

  /** Removes one key; false when the volume has no such key. */
  deleteKey(projectId: string, volumeId: string, key: string, owner: MetadataOwner = 'volume'): boolean {
    return this.store.transaction(() => {
      const volume = this.owned(projectId, volumeId, owner);
      const current = this.rows.get(volume.id);
      if (!current || !(key in current.metadata)) return false;
      const { [key]: _removed, ...rest } = current.metadata;
      this.rows.put(projectId, volume.id, { volumeId: volume.id, metadata: rest });
      return true;
    });
  }

  /** Drops what is kept for a volume that is gone. */
  forget(volumeId: string): void {
    this.rows.forget(volumeId);
  }

  /** The volume or snapshot, or the engine's not-found for it. */
  private owned(projectId: string, id: string, owner: MetadataOwner): { id: string } {
    return owner === 'volume' ? this.volumes.get(projectId, id) : this.snapshots.get(projectId, id);
  }
}

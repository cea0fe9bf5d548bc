import { VOLUME_SNAPSHOT_LIFECYCLE, type VolumeSnapshotAction as SnapshotAction } from '@sandcloud/domain';
import { conflict, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { LifecycleMachine, LifecycleRunner } from '../core/lifecycle-runner.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import type { VolumeSnapshot } from './volume.ts';
import type { VolumeService } from './volume-service.ts';

/**
 * Cinder volume snapshots: a copy of a volume at one moment (creating → available). A new volume can
 * be created from one (`VolumeService.create` with `snapshotId`); a volume with snapshots cannot be
 * deleted until they are.
 */
export class VolumeSnapshotService {
  private readonly lifecycle: LifecycleMachine<VolumeSnapshot, SnapshotAction | 'create'>;

  constructor(
    private readonly store: ResourceStore,
    lifecycles: LifecycleRunner,
    private readonly volumes: VolumeService,
  ) {
    // `VOLUME_SNAPSHOT_LIFECYCLE`: creating → available, deleting → gone; no task beyond the states.
    this.lifecycle = lifecycles.define<VolumeSnapshot, SnapshotAction | 'create'>({ kind: 'volume-snapshot', lifecycle: VOLUME_SNAPSHOT_LIFECYCLE });
  }

  list(projectId: string): VolumeSnapshot[] {
    return this.store.list<VolumeSnapshot>('volume-snapshot', projectId);
  }

  get(projectId: string, id: string): VolumeSnapshot {
    const snapshot = this.store.get<VolumeSnapshot>('volume-snapshot', id);
    if (!snapshot || snapshot.projectId !== projectId) throw notFound('snapshot', id);
    return snapshot;
  }

  /** Copies what the volume holds now (an attached volume too: as Cinder's `force`). */
  create(projectId: string, input: { volumeId: string; name: string; description?: string }): VolumeSnapshot {
    if (input.name.trim() === '') throw invalidInput('Enter a name for the snapshot', 'name').coded('name.required');
    return this.store.transaction(() => {
      const volume = this.volumes.get(projectId, input.volumeId);
      this.volumes.assertAction(volume, 'snapshot');
      return this.lifecycle.create('create', {
        id: newId(),
        projectId,
        name: input.name.trim(),
        status: 'creating',
        description: input.description ?? '',
        volumeId: volume.id,
        volumeName: volume.name,
        sizeGb: volume.sizeGb,
        volumeType: volume.volumeType,
        zone: volume.zone,
        content: volume.content,
      });
    });
  }

  /** Renames or describes a snapshot (as Cinder's snapshot update); a snapshot being deleted is refused. */
  update(projectId: string, id: string, changes: { name?: string; description?: string }): VolumeSnapshot {
    if (changes.name !== undefined && changes.name.trim() === '') throw invalidInput('Enter a name for the snapshot', 'name').coded('name.required');
    return this.store.transaction(() => {
      const snapshot = this.get(projectId, id);
      if (snapshot.status === 'deleting') throw conflict(`Snapshot ${snapshot.name} is being deleted`).coded('snapshot.beingDeleted', { name: snapshot.name });
      return this.store.update<VolumeSnapshot>('volume-snapshot', snapshot, {
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
      });
    });
  }

  delete(projectId: string, id: string): VolumeSnapshot {
    return this.store.transaction(() => {
      const snapshot = this.get(projectId, id);
      return this.lifecycle.begin(snapshot, 'delete');
    });
  }
}

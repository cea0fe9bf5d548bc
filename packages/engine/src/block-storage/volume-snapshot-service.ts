import { invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Scheduler } from '../core/scheduler.ts';
import { assertTransition } from '../core/state-machine.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { SNAPSHOT_TRANSITIONS, VOLUME_DURATIONS, VOLUME_TRANSITIONS, type VolumeSnapshot } from './volume.ts';
import type { VolumeService } from './volume-service.ts';

/**
 * Cinder volume snapshots: a copy of a volume at one moment (creating → available). A new volume can
 * be created from one (`VolumeService.create` with `snapshotId`); a volume with snapshots cannot be
 * deleted until they are.
 */
export class VolumeSnapshotService {
  constructor(
    private readonly store: ResourceStore,
    private readonly scheduler: Scheduler,
    private readonly volumes: VolumeService,
  ) {
    scheduler.register('volume-snapshot.create-complete', ({ id }) => {
      const snapshot = this.store.get<VolumeSnapshot>('volume-snapshot', String(id));
      if (snapshot?.status === 'creating') this.store.update<VolumeSnapshot>('volume-snapshot', snapshot, { status: 'available' });
    });
    scheduler.register('volume-snapshot.delete-complete', ({ id }) => {
      const snapshot = this.store.get<VolumeSnapshot>('volume-snapshot', String(id));
      if (snapshot?.status === 'deleting') this.store.delete('volume-snapshot', snapshot);
    });
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
    if (input.name.trim() === '') throw invalidInput('Enter a name for the snapshot', 'name');
    return this.store.transaction(() => {
      const volume = this.volumes.get(projectId, input.volumeId);
      assertTransition(VOLUME_TRANSITIONS, 'volume', volume, 'snapshot');
      const id = newId();
      const snapshot = this.store.insert<VolumeSnapshot>('volume-snapshot', {
        id,
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
      this.scheduler.schedule('volume-snapshot.create-complete', { id }, VOLUME_DURATIONS.snapshot);
      return snapshot;
    });
  }

  delete(projectId: string, id: string): VolumeSnapshot {
    return this.store.transaction(() => {
      const snapshot = this.get(projectId, id);
      assertTransition(SNAPSHOT_TRANSITIONS, 'snapshot', snapshot, 'delete');
      const updated = this.store.update<VolumeSnapshot>('volume-snapshot', snapshot, { status: 'deleting' }, 'delete requested');
      this.scheduler.schedule('volume-snapshot.delete-complete', { id }, VOLUME_DURATIONS.snapshotDelete);
      return updated;
    });
  }
}

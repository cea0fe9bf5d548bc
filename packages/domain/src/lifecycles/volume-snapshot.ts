// Cinder volume snapshots' lifecycle, as data (see `lifecycle.ts`).
import type { Lifecycle } from './lifecycle.ts';

// Local until the domain vocabulary (`block-storage.ts`) lands; the names match it.
export type VolumeSnapshotStatus = 'creating' | 'available' | 'deleting' | 'error';
export type VolumeSnapshotState = { status: VolumeSnapshotStatus };
export type VolumeSnapshotLifecycleAction = 'create' | 'create_volume' | 'delete';

const FAILED: VolumeSnapshotState = { status: 'error' };

export const VOLUME_SNAPSHOT_LIFECYCLE = {
  noun: 'snapshot',
  actions: {
    create: { from: 'new', steps: [{ state: { status: 'creating' }, ms: 3_000 }], to: [{ status: 'available' }], error: FAILED },
    /** A new volume is made from it (the volume's lifecycle runs that). */
    create_volume: { from: ['available'] },
    delete: { from: ['available', 'error'], steps: [{ state: { status: 'deleting' }, ms: 2_000 }], to: 'deleted', error: FAILED },
  },
} as const satisfies Lifecycle<VolumeSnapshotStatus, VolumeSnapshotState, VolumeSnapshotLifecycleAction>;

// Cinder volumes' lifecycle, as data (see `lifecycle.ts`; the engine's lifecycle runner executes it).
import type { Lifecycle } from './lifecycle.ts';

// Local until the domain vocabulary (`block-storage.ts`) lands; the names match it.
/** Cinder volume statuses. */
export type VolumeStatus = 'creating' | 'available' | 'attaching' | 'in-use' | 'detaching' | 'extending' | 'deleting' | 'error';
export type VolumeState = { status: VolumeStatus };
export type VolumeLifecycleAction = 'create' | 'attach' | 'detach' | 'extend' | 'snapshot' | 'delete';

const FAILED: VolumeState = { status: 'error' };

export const VOLUME_LIFECYCLE = {
  noun: 'volume',
  actions: {
    create: { from: 'new', steps: [{ state: { status: 'creating' }, ms: 3_000 }], to: [{ status: 'available' }], error: FAILED },
    attach: { from: ['available'], steps: [{ state: { status: 'attaching' }, ms: 2_000 }], to: [{ status: 'in-use' }], error: FAILED },
    detach: { from: ['in-use'], steps: [{ state: { status: 'detaching' }, ms: 2_000 }], to: [{ status: 'available' }], error: FAILED },
    /** Back to `in-use` if still attached, else `available` (its instance may be deleted meanwhile). */
    extend: {
      from: ['available', 'in-use'],
      steps: [{ state: { status: 'extending' }, ms: 3_000 }],
      to: [{ status: 'in-use' }, { status: 'available' }],
      error: FAILED,
    },
    /** The snapshot's own lifecycle runs the copy; the volume only has to be in a state to copy. */
    snapshot: { from: ['available', 'in-use'] },
    delete: { from: ['available', 'error'], steps: [{ state: { status: 'deleting' }, ms: 2_000 }], to: 'deleted', error: FAILED },
  },
} as const satisfies Lifecycle<VolumeStatus, VolumeState, VolumeLifecycleAction>;

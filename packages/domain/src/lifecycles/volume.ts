// Cinder volumes' lifecycle, as data (see `lifecycle.ts`; the engine's lifecycle runner executes it).
import type { Lifecycle } from './lifecycle.ts';

import type { VolumeAction, VolumeStatus } from '../block-storage.ts';
export type VolumeState = { status: VolumeStatus };
export type VolumeLifecycleAction = 'create' | VolumeAction;

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
    /** Cinder's `os-reserve`: `attaching` with no attachment yet, held until an unreserve (the service writes it). */
    reserve: { from: ['available'] },
    /** `os-unreserve`: a reserved volume (attaching, no attachment) goes back to `available`. */
    unreserve: { from: ['attaching'] },
    /** `os-volume_upload_image`: the content is copied into a new image, then back to `available` or `in-use`. */
    upload_image: {
      from: ['available', 'in-use'],
      steps: [{ state: { status: 'uploading' }, ms: 3_000 }],
      to: [{ status: 'available' }, { status: 'in-use' }],
      error: FAILED,
    },
  },
} as const satisfies Lifecycle<VolumeStatus, VolumeState, VolumeLifecycleAction>;

// Glance images' lifecycle, as data (see `lifecycle.ts`). A capture from an instance is queued
// briefly, then saves the disk; a failed capture leaves the image `killed`, as Glance does.
import type { Lifecycle } from './lifecycle.ts';

import type { ImageAction, ImageStatus } from '../images.ts';
export type ImageState = { status: ImageStatus };
export type ImageLifecycleAction = 'capture' | ImageAction;

export const IMAGE_LIFECYCLE = {
  noun: 'image',
  actions: {
    capture: {
      from: 'new',
      steps: [
        { state: { status: 'queued' }, ms: 1_000 },
        { state: { status: 'saving' }, ms: 4_000 },
      ],
      to: [{ status: 'active' }],
      error: { status: 'killed' },
    },
    /** Deleting a private image is immediate, also while it is captured (as Glance; the capture stops). */
    delete: { from: ['queued', 'saving', 'active', 'killed'] },
  },
} as const satisfies Lifecycle<ImageStatus, ImageState, ImageLifecycleAction>;

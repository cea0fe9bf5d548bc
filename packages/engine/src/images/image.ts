import type { ImageAction, ImageStatus, ImageVisibility, OsType } from '@sandcloud/domain';
import type { TransitionTable } from '../core/state-machine.ts';
import type { ResourceBase } from '../store/resource-store.ts';

// The image record as the engine stores it; its vocabulary comes from `@sandcloud/domain`.

export interface Image extends ResourceBase {
  status: ImageStatus;
  description: string;
  visibility: ImageVisibility;
  osType: OsType;
  osDistro: string;
  osVersion: string;
  minDiskGb: number;
  minRamMb: number;
  sizeBytes: number;
  sourceInstanceId: string | null;
  sourceInstanceName: string | null;
  /** What the root disk held at capture time, for the guest to start from (a JSON snapshot). */
  rootDiskSnapshot: unknown;
}

/** Which statuses allow each action on a private image (public images are never changed). */
export const IMAGE_TRANSITIONS: TransitionTable<ImageStatus, ImageAction> = {
  delete: { from: ['active', 'killed'] },
};

/** Simulated durations (ms) of a capture: queued briefly, then saving the disk. */
export const IMAGE_DURATIONS = {
  queued: 1_000,
  saving: 4_000,
} as const;

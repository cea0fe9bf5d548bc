import { VOLUME_LIFECYCLE, VOLUME_SNAPSHOT_LIFECYCLE } from '@sandcloud/domain';
import type { VolumeAction, VolumeSnapshotAction, VolumeSnapshotStatus, VolumeStatus, VolumeType } from '@sandcloud/domain';
import { transitionsOf, type TransitionTable } from '../core/state-machine.ts';
import type { ResourceBase } from '../store/resource-store.ts';

// Volume and snapshot records as the engine stores them; their vocabulary (statuses, actions, types,
// size limits) comes from `@sandcloud/domain`.

/** Where a volume is attached. Reserved when attaching starts, so the device letter is taken at once. */
export interface VolumeAttachment {
  instanceId: string;
  instanceName: string;
  /** `/dev/vdb`, `/dev/vdc`…: the next free letter on the instance when the attach was requested. */
  device: string;
  /** When the attach completed; null while attaching. */
  attachedAt: number | null;
  /** Cinder's attach mode: `ro` when the volume is read-only (its `os-update_readonly_flag`). */
  mode?: 'rw' | 'ro';
}

export interface Volume extends ResourceBase {
  status: VolumeStatus;
  description: string;
  sizeGb: number;
  /** The size an extend in flight grows to (counted against the quota already); null otherwise. */
  targetSizeGb: number | null;
  volumeType: VolumeType;
  zone: string;
  /** The snapshot the volume was created from, if any. */
  sourceSnapshotId: string | null;
  /** One attachment per volume (Cinder's multiattach is off). */
  attachment: VolumeAttachment | null;
  /** What is written on the volume (a filesystem snapshot the guest persists); null when never formatted. */
  content: unknown;
  /** Cinder's bootable flag: set by its owner, and on a volume created from an image (it holds a root disk). */
  bootable?: boolean;
  /** The image the volume was created from (`imageRef`): its root disk is the volume's content. */
  sourceImageId?: string | null;
  /** The source image's name, kept for display after the image is deleted. */
  sourceImageName?: string | null;
  /** Cinder's read-only flag (`os-update_readonly_flag`): attachments are made `ro`. */
  readOnly?: boolean;
  /**
   * The instance booted from this volume (its root disk, `/dev/vda`): it is not detached from it,
   * and it is deleted with it when `deleteOnTermination` (Nova's block device mapping) says so.
   */
  bootOf?: { instanceId: string; deleteOnTermination: boolean } | null;
}

/** Cinder volume snapshot: a point-in-time copy a new volume can be created from. */
export interface VolumeSnapshot extends ResourceBase {
  status: VolumeSnapshotStatus;
  description: string;
  volumeId: string;
  volumeName: string;
  sizeGb: number;
  volumeType: VolumeType;
  zone: string;
  /** The volume's content when the snapshot was taken. */
  content: unknown;
}

/** The lifecycle table's guards: which statuses allow each action. */
export const VOLUME_TRANSITIONS: TransitionTable<VolumeStatus, VolumeAction> = transitionsOf(VOLUME_LIFECYCLE);

export const SNAPSHOT_TRANSITIONS: TransitionTable<VolumeSnapshotStatus, VolumeSnapshotAction> = transitionsOf(VOLUME_SNAPSHOT_LIFECYCLE);

const LETTERS = 'bcdefghijklmnopqrstuvwxyz';

/** The next free virtio device on an instance: vda is the root disk, volumes take vdb, vdc… in order. */
export function nextDevice(taken: readonly string[]): string | null {
  for (const letter of LETTERS) {
    const device = `/dev/vd${letter}`;
    if (!taken.includes(device)) return device;
  }
  return null;
}

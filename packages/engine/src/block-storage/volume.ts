import { VOLUME_LIFECYCLE, VOLUME_SNAPSHOT_LIFECYCLE } from '@sandcloud/domain';
import { transitionsOf, type TransitionTable } from '../core/state-machine.ts';
import type { ResourceBase } from '../store/resource-store.ts';

/** Cinder volume statuses. */
export type VolumeStatus = 'creating' | 'available' | 'attaching' | 'in-use' | 'detaching' | 'extending' | 'deleting' | 'error';

export const VOLUME_TYPES = ['HDD', 'SSD'] as const;
export type VolumeType = (typeof VOLUME_TYPES)[number];

export const MIN_VOLUME_GB = 10;
export const MAX_VOLUME_GB = 1000;

/** Where a volume is attached. Reserved when attaching starts, so the device letter is taken at once. */
export interface VolumeAttachment {
  instanceId: string;
  instanceName: string;
  /** `/dev/vdb`, `/dev/vdc`…: the next free letter on the instance when the attach was requested. */
  device: string;
  /** When the attach completed; null while attaching. */
  attachedAt: number | null;
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
}

/** Cinder volume snapshot: a point-in-time copy a new volume can be created from. */
export interface VolumeSnapshot extends ResourceBase {
  status: 'creating' | 'available' | 'deleting' | 'error';
  description: string;
  volumeId: string;
  volumeName: string;
  sizeGb: number;
  volumeType: VolumeType;
  zone: string;
  /** The volume's content when the snapshot was taken. */
  content: unknown;
}

export type VolumeAction = 'attach' | 'detach' | 'extend' | 'snapshot' | 'delete';

/** The lifecycle table's guards: which statuses allow each action. */
export const VOLUME_TRANSITIONS: TransitionTable<VolumeStatus, VolumeAction> = transitionsOf(VOLUME_LIFECYCLE);

export type SnapshotAction = 'create_volume' | 'delete';

export const SNAPSHOT_TRANSITIONS: TransitionTable<VolumeSnapshot['status'], SnapshotAction> = transitionsOf(VOLUME_SNAPSHOT_LIFECYCLE);

/** Instance statuses a volume may be attached to or detached from (and only with no task in flight). */
export const VOLUME_ATTACHABLE_INSTANCE_STATUSES: readonly string[] = ['ACTIVE', 'SHUTOFF'];

const LETTERS = 'bcdefghijklmnopqrstuvwxyz';

/** The next free virtio device on an instance: vda is the root disk, volumes take vdb, vdc… in order. */
export function nextDevice(taken: readonly string[]): string | null {
  for (const letter of LETTERS) {
    const device = `/dev/vd${letter}`;
    if (!taken.includes(device)) return device;
  }
  return null;
}

// Cinder's vocabulary for volumes and their snapshots, written once for the engine, the API
// schemas and the console: statuses, actions, volume types and size limits.

/** Cinder volume statuses. */
export const VOLUME_STATUSES = ['creating', 'available', 'attaching', 'in-use', 'detaching', 'extending', 'deleting', 'error', 'uploading'] as const;
export type VolumeStatus = (typeof VOLUME_STATUSES)[number];

/** Statuses a volume passes through on its way to a steady one (the console polls while they last). */
export const VOLUME_TRANSITIONAL_STATUSES = ['creating', 'attaching', 'detaching', 'extending', 'deleting', 'uploading'] as const satisfies readonly VolumeStatus[];

/** Cinder volume snapshot statuses. */
export const VOLUME_SNAPSHOT_STATUSES = ['creating', 'available', 'deleting', 'error'] as const;
export type VolumeSnapshotStatus = (typeof VOLUME_SNAPSHOT_STATUSES)[number];

export const VOLUME_ACTIONS = ['attach', 'detach', 'extend', 'snapshot', 'delete', 'reserve', 'unreserve', 'upload_image'] as const;
export type VolumeAction = (typeof VOLUME_ACTIONS)[number];

export const VOLUME_SNAPSHOT_ACTIONS = ['create_volume', 'delete'] as const;
export type VolumeSnapshotAction = (typeof VOLUME_SNAPSHOT_ACTIONS)[number];

export const VOLUME_TYPES = ['HDD', 'SSD'] as const;
export type VolumeType = (typeof VOLUME_TYPES)[number];

export const MIN_VOLUME_GB = 10;
export const MAX_VOLUME_GB = 1000;

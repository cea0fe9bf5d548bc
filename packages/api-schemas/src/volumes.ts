import {
  DESCRIPTION_MAX_LENGTH,
  MAX_VOLUME_GB,
  MIN_VOLUME_GB,
  VOLUME_TYPES,
  type InstanceStatus,
  type InstanceTaskState,
  type VolumeAction,
  type VolumeSnapshotStatus,
  type VolumeStatus,
  type VolumeType,
} from '@sandcloud/domain';
import { z } from 'zod';
import { resourceNameSchema } from './common.ts';
import { zoneSchema } from './catalog.ts';

export const volumeSizeSchema = z
  .number({ error: 'Enter the size in GB' })
  .int('Sizes are whole GB')
  .min(MIN_VOLUME_GB, `Block storage is at least ${MIN_VOLUME_GB} GB`)
  .max(MAX_VOLUME_GB, `Block storage is at most ${MAX_VOLUME_GB} GB`);

const volumeDescriptionSchema = z.string().max(DESCRIPTION_MAX_LENGTH, `Descriptions have at most ${DESCRIPTION_MAX_LENGTH} characters`);
const volumeTypeSchema = z.enum(VOLUME_TYPES, { error: `Type is ${VOLUME_TYPES.join(' or ')}` });

/** `[+Block Storage 생성]`. With `snapshotId`, the volume is a copy of that snapshot (type and zone default to its). */
export const createVolumeRequestSchema = z.strictObject({
  name: resourceNameSchema,
  description: volumeDescriptionSchema.default(''),
  sizeGb: volumeSizeSchema,
  volumeType: volumeTypeSchema.optional(),
  zone: zoneSchema.optional(),
  snapshotId: z.string().min(1).optional(),
});
export type CreateVolumeRequest = z.infer<typeof createVolumeRequestSchema>;

export const updateVolumeRequestSchema = z.strictObject({
  name: resourceNameSchema.optional(),
  description: volumeDescriptionSchema.optional(),
});
export type UpdateVolumeRequest = z.infer<typeof updateVolumeRequestSchema>;

/** `[Instance에 연결]`. */
export const attachVolumeRequestSchema = z.strictObject({
  instanceId: z.string().min(1, 'Choose the instance to attach to'),
});

/** `[Block Storage 연결 해제]`; `instanceId`, when sent, must be the instance it is attached to. */
export const detachVolumeRequestSchema = z.strictObject({
  instanceId: z.string().min(1).optional(),
});

/** Volumes grow, never shrink. */
export const extendVolumeRequestSchema = z.strictObject({
  sizeGb: volumeSizeSchema,
});

export const createVolumeSnapshotRequestSchema = z.strictObject({
  volumeId: z.string().min(1, 'Choose a volume'),
  name: resourceNameSchema,
  description: volumeDescriptionSchema.default(''),
});
export type CreateVolumeSnapshotRequest = z.infer<typeof createVolumeSnapshotRequestSchema>;

/** The "연결 정보" column: which instance, as which device. */
export interface VolumeAttachmentDto {
  instanceId: string;
  instanceName: string;
  /** `/dev/vdb`, `/dev/vdc`… */
  device: string;
  /** Null while attaching. */
  attachedAt: string | null;
  /** Where the guest has the device mounted right now (detaching it then loses unflushed writes). */
  mountPoint: string | null;
}

/** Cinder volume. */
export interface VolumeDto {
  id: string;
  name: string;
  description: string;
  status: VolumeStatus;
  sizeGb: number;
  /** The size an extend in flight grows to. */
  targetSizeGb: number | null;
  volumeType: VolumeType;
  zone: string;
  sourceSnapshotId: string | null;
  /** The image the volume was created from (its root disk is the content); null otherwise. */
  sourceImage: { id: string; name: string } | null;
  /** Cinder's read-only flag: attachments are made read-only. */
  readOnly: boolean;
  /** The instance that boots from this volume (its root disk), if any. */
  bootOf: string | null;
  attachment: VolumeAttachmentDto | null;
  snapshotCount: number;
  /** What the console may offer now; the API refuses the rest with 409. */
  allowedActions: VolumeAction[];
  createdAt: string;
  updatedAt: string;
}

export interface VolumeSnapshotDto {
  id: string;
  name: string;
  description: string;
  status: VolumeSnapshotStatus;
  volumeId: string;
  volumeName: string;
  sizeGb: number;
  volumeType: VolumeType;
  zone: string;
  createdAt: string;
}

/** An instance of the project as the `[연결관리]` dialog lists it for one volume. */
export interface AttachableInstanceDto {
  id: string;
  name: string;
  zone: string;
  status: InstanceStatus;
  taskState: InstanceTaskState;
  /** Null when the volume can be attached to it now. */
  problem: 'OTHER_ZONE' | 'INSTANCE_STATE' | null;
}

import { DESCRIPTION_MAX_LENGTH, IMAGE_NAME_PATTERN, IMAGE_VISIBILITIES, NAME_MAX_LENGTH, type ImageAction, type ImageStatus, type ImageVisibility, type OsType } from '@sandcloud/domain';
import { z } from 'zod';
import { listQuerySchema } from './common.ts';

/** Glance image names are free text; only control characters are refused. */
export const imageNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter an image name')
  .max(NAME_MAX_LENGTH, `Image names have at most ${NAME_MAX_LENGTH} characters`)
  .regex(IMAGE_NAME_PATTERN, 'Image names cannot contain control characters');

const imageDescriptionSchema = z.string().max(DESCRIPTION_MAX_LENGTH, `Descriptions have at most ${DESCRIPTION_MAX_LENGTH} characters`);

export const imageListQuerySchema = listQuerySchema.extend({
  visibility: z.enum(IMAGE_VISIBILITIES, { error: `Visibility is ${IMAGE_VISIBILITIES.join(' or ')}` }).optional(),
});

/** `[추가기능] > [Image 생성]`: captures a SHUTOFF instance's root disk as a private image. */
export const createImageRequestSchema = z.strictObject({
  instanceId: z.string().min(1, 'Choose the instance to make an image of'),
  name: imageNameSchema,
  description: imageDescriptionSchema.default(''),
});
export type CreateImageRequest = z.infer<typeof createImageRequestSchema>;

export const updateImageRequestSchema = z.strictObject({
  name: imageNameSchema.optional(),
  description: imageDescriptionSchema.optional(),
});
export type UpdateImageRequest = z.infer<typeof updateImageRequestSchema>;

/** Glance image: public ones come with the cloud; private ones are captured from instances. */
export interface ImageDto {
  id: string;
  name: string;
  description: string;
  /** queued → saving → active while a private image is captured. */
  status: ImageStatus;
  visibility: ImageVisibility;
  osType: OsType;
  osDistro: string;
  osVersion: string;
  minDiskGb: number;
  minRamMb: number;
  sizeBytes: number;
  sourceInstanceId: string | null;
  sourceInstanceName: string | null;
  /** What the console may offer now: public images allow nothing. */
  allowedActions: ImageAction[];
  createdAt: string;
}

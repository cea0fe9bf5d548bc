import { z } from 'zod';
import { pageQuerySchema } from './common.ts';

/** Glance image names are free text; only control characters are refused. */
export const imageNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter an image name')
  .max(255, 'Image names have at most 255 characters')
  .regex(/^[^\p{Cc}]+$/u, 'Image names cannot contain control characters');

const imageDescriptionSchema = z.string().max(255, 'Descriptions have at most 255 characters');

export const imageListQuerySchema = pageQuerySchema.extend({
  visibility: z.enum(['public', 'private'], { error: 'Visibility is public or private' }).optional(),
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

export type ImageAction = 'delete';

/** Glance image: public ones come with the cloud; private ones are captured from instances. */
export interface ImageDto {
  id: string;
  name: string;
  description: string;
  /** queued → saving → active while a private image is captured. */
  status: string;
  visibility: 'public' | 'private';
  osType: 'linux' | 'windows';
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

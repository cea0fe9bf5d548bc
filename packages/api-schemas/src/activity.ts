import { ACTIVITY_RESULTS, type ActivityEntry } from '@sandcloud/domain';
import { z } from 'zod';

export { ACTIVITY_RESULTS, type ActivityResult } from '@sandcloud/domain';

/** One line of the activity log as the API sends it (times in ISO 8601). */
export type ActivityDto = ActivityEntry<string>;

const isoTime = (field: string) =>
  z
    .string()
    .refine((text) => !Number.isNaN(Date.parse(text)), { error: `${field} must be a date and time (ISO 8601)` })
    .optional();

/** Filters and page of the activity log (newest first). */
export const activityQuerySchema = z.strictObject({
  user: z.string().max(200).optional(),
  resourceKind: z.string().max(100).optional(),
  resourceId: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  result: z.enum(ACTIVITY_RESULTS, { error: `result is one of ${ACTIVITY_RESULTS.join(', ')}` }).optional(),
  from: isoTime('from'),
  to: isoTime('to'),
  limit: z.coerce.number().int().min(1, { error: 'limit is at least 1' }).max(500, { error: 'limit is at most 500' }).default(50),
  offset: z.coerce.number().int().min(0, { error: 'offset cannot be negative' }).default(0),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

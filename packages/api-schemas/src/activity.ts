import { z } from 'zod';

export const ACTIVITY_RESULTS = ['accepted', 'done', 'failed'] as const;
export type ActivityResult = (typeof ACTIVITY_RESULTS)[number];

/** One change someone asked for: who, what, on which resource, and how it ended. */
export interface ActivityDto {
  id: number;
  at: string;
  projectId: string | null;
  userId: string | null;
  userName: string;
  action: string;
  resourceKind: string;
  resourceId: string | null;
  resourceName: string | null;
  result: ActivityResult;
  reason: string | null;
  requestId: string | null;
  /** Which API it came through: the console's (`console`) or an OpenStack API (`compute`, `network`…). */
  source: string;
  finishedAt: string | null;
}

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

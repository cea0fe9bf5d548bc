import { NAME_MAX_LENGTH, RESOURCE_NAME_PATTERN } from '@sandcloud/domain';
import { z } from 'zod';
import { MAX_PAGE_SIZE } from './page-size.ts';

/** One error shape for every failure the API answers. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    /** Which message this is (`ERROR_MESSAGES` in the domain), for a catalogue in the user's language. */
    messageCode: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export { MAX_PAGE_SIZE } from './page-size.ts';

/** `?limit=&offset=` on every list; the limit is capped so no request can ask for everything at once. */
export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .loose();
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const LIST_SEARCH_MAX_LENGTH = 200;

/**
 * A console list's view: the page plus `sort` (a field the endpoint names), `order` and `q` (text
 * searched in names, ids and addresses). Field filters (`status=ACTIVE,SHUTOFF`) are the endpoint's own
 * keys and stay in the loose rest; the BFF's `listPage` checks the sort field against the endpoint's.
 */
export const listQuerySchema = pageQuerySchema.extend({
  sort: z.string().trim().min(1, 'Name the field to sort by').optional(),
  order: z.enum(SORT_ORDERS, { error: 'Order is asc or desc' }).default('asc'),
  q: z.string().trim().max(LIST_SEARCH_MAX_LENGTH, `Search text has at most ${LIST_SEARCH_MAX_LENGTH} characters`).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const languageSchema = z.enum(['ko', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** Resource names as OpenStack accepts them, kept to what a console user can read back. */
export const resourceNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(NAME_MAX_LENGTH, `Names have at most ${NAME_MAX_LENGTH} characters`)
  .regex(RESOURCE_NAME_PATTERN, 'Use letters, digits, ".", "_" and "-", starting with a letter or digit');

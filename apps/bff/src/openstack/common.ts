import type { z } from 'zod';
import { OsError } from './errors.ts';

/** OpenStack timestamps: second precision, UTC, `Z` (Nova, Neutron, Glance). */
export const osTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Validates a body the way OpenStack's JSON-schema validation answers: 400 with the field named,
 * "Additional properties are not allowed" for an unknown field, "is a required property" for a
 * missing one.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    throw new OsError(400, `Invalid input for field/attribute ${field || 'body'}. Additional properties are not allowed (${issue.keys.map((k) => `'${k}'`).join(', ')} ${issue.keys.length > 1 ? 'were' : 'was'} unexpected)`);
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    const parent = issue.path.slice(0, -1).map(String).join('.');
    const name = String(issue.path[issue.path.length - 1] ?? 'body');
    throw new OsError(400, `Invalid input for field/attribute ${parent || name}. '${name}' is a required property`);
  }
  throw new OsError(400, `Invalid input for field/attribute ${field || 'body'}. ${issue.message}`);
}

/** A query value as one string (the first one when a client repeats the parameter). */
export const queryString = (value: unknown): string | undefined => {
  if (Array.isArray(value)) return queryString(value[0]);
  return typeof value === 'string' ? value : undefined;
};

/** All values of a repeated query parameter (`?id=a&id=b`). */
export const queryValues = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(queryValues);
  return typeof value === 'string' ? [value] : [];
};

/** A non-negative integer query parameter (limit), or a 400 naming it. */
export function queryLimit(value: unknown, fail: (message: string) => Error): number | undefined {
  const text = queryString(value);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw fail(`limit must be a non-negative integer, not ${text}`);
  return Number(text);
}

/** The items after the one the `marker` query parameter names (all without one); 400 when no item has that id, as Nova and Glance answer. */
export function afterMarker<T extends { id: string }>(list: T[], marker: unknown): T[] {
  const id = queryString(marker);
  if (id === undefined) return list;
  const at = list.findIndex((item) => item.id === id);
  if (at < 0) throw new OsError(400, `marker [${id}] not found`);
  return list.slice(at + 1);
}

import type { z } from 'zod';
import { HttpError } from './errors.ts';

/**
 * Parses input against a shared schema; the first problem becomes a 400 naming the field, so the
 * console can show the message beside it.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    throw new HttpError(400, 'INVALID_INPUT', `Unknown field ${issue.keys.join(', ')}`, issue.keys[0], 'input.unknownField', { fields: issue.keys.join(', ') });
  }
  const field = issue.path.join('.') || undefined;
  throw new HttpError(400, 'INVALID_INPUT', issue.message, field);
}

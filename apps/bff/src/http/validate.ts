import type { CodedMessage } from '@sandcloud/domain';
import type { z } from 'zod';
import { HttpError } from './errors.ts';

/**
 * Which catalogue message a zod problem is, with its values: the schema's own English message
 * travels as `detail` (the English catalogue shows it unchanged), the kind and its bounds let the
 * console say it in Korean.
 */
function codeOfIssue(issue: z.core.$ZodIssue, field: string): CodedMessage {
  const detail = issue.message;
  switch (issue.code) {
    case 'too_small':
      return ['input.tooSmall', { field, min: Number(issue.minimum), detail }];
    case 'too_big':
      return ['input.tooBig', { field, max: Number(issue.maximum), detail }];
    case 'invalid_value':
      return ['input.invalidEnum', { field, allowed: issue.values.map(String).join(', '), detail }];
    case 'invalid_format':
      return ['input.invalidFormat', { field, format: issue.format, detail }];
    case 'invalid_type':
      if (issue.input === undefined) return ['input.required', { field, detail }];
      return ['input.invalid', { field, detail }];
    default:
      return ['input.invalid', { field, detail }];
  }
}

/**
 * Parses input against a shared schema; the first problem becomes a 400 naming the field, so the
 * console can show the message beside it (in its language, by the problem's message code).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    throw new HttpError(400, 'INVALID_INPUT', `Unknown field ${issue.keys.join(', ')}`, issue.keys[0], 'input.unknownField', { fields: issue.keys.join(', ') });
  }
  const field = issue.path.join('.') || undefined;
  throw new HttpError(400, 'INVALID_INPUT', issue.message, field, ...codeOfIssue(issue, field ?? 'input'));
}

import type { ErrorMessageCode } from '@sandcloud/domain';
import type { z } from 'zod';
import { HttpError } from './errors.ts';

type Coded = { messageCode: ErrorMessageCode; params: Record<string, string | number> };

/**
 * Which catalogue message a zod problem is, with its values: the schema's own English message
 * travels as `detail` (the English catalogue shows it unchanged), the kind and its bounds let the
 * console say it in Korean.
 */
export function codeOfIssue(issue: z.core.$ZodIssue, field: string): Coded {
  const detail = issue.message;
  switch (issue.code) {
    case 'too_small':
      return { messageCode: 'input.tooSmall', params: { field, min: Number(issue.minimum), detail } };
    case 'too_big':
      return { messageCode: 'input.tooBig', params: { field, max: Number(issue.maximum), detail } };
    case 'invalid_value':
      return { messageCode: 'input.invalidEnum', params: { field, allowed: issue.values.map(String).join(', '), detail } };
    case 'invalid_format':
      return { messageCode: 'input.invalidFormat', params: { field, format: issue.format, detail } };
    case 'invalid_type':
      if (issue.input === undefined) return { messageCode: 'input.required', params: { field, detail } };
      return { messageCode: 'input.invalid', params: { field, detail } };
    default:
      return { messageCode: 'input.invalid', params: { field, detail } };
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
  const { messageCode, params } = codeOfIssue(issue, field ?? 'input');
  throw new HttpError(400, 'INVALID_INPUT', issue.message, field, messageCode, params);
}

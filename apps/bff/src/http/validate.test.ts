import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { HttpError } from './errors.ts';
import { parseInput } from './validate.ts';

/** The HttpError `parseInput` throws for `input`. */
function refusal(schema: z.ZodType, input: unknown): HttpError {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('parseInput accepted the input');
}

const schema = z.strictObject({
  name: z.string().min(1, 'Enter a name').max(5),
  count: z.number().int().max(10),
  kind: z.enum(['a', 'b']),
  email: z.email().optional(),
  note: z.string().optional(),
});
const valid = { name: 'web', count: 1, kind: 'a' };

// zod's problems reach the console with a message code and values, so a Korean user reads them in
// Korean; `detail` keeps the schema's own English message, which the English catalogue shows.
describe('parseInput', () => {
  it('codes too small, too big, one of, a format and a missing field, naming the field', () => {
    expect(refusal(schema, { ...valid, name: '' })).toMatchObject({
      status: 400, code: 'INVALID_INPUT', message: 'Enter a name', field: 'name',
      messageCode: 'input.tooSmall', params: { field: 'name', min: 1, detail: 'Enter a name' },
    });
    expect(refusal(schema, { ...valid, count: 11 })).toMatchObject({ field: 'count', messageCode: 'input.tooBig', params: { field: 'count', max: 10 } });
    expect(refusal(schema, { ...valid, kind: 'c' })).toMatchObject({ field: 'kind', messageCode: 'input.invalidEnum', params: { field: 'kind', allowed: 'a, b' } });
    expect(refusal(schema, { ...valid, email: 'no' })).toMatchObject({ field: 'email', messageCode: 'input.invalidFormat', params: { field: 'email', format: 'email' } });
    expect(refusal(schema, { name: 'web', kind: 'a' })).toMatchObject({ field: 'count', messageCode: 'input.required', params: { field: 'count' } });
    expect(refusal(schema, { ...valid, note: 3 })).toMatchObject({ field: 'note', messageCode: 'input.invalid', params: { field: 'note' } });
    expect(refusal(schema, { ...valid, extra: 1 })).toMatchObject({ field: 'extra', messageCode: 'input.unknownField', params: { fields: 'extra' } });
  });
});

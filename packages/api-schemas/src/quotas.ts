import { QUOTA_MAX, QUOTA_NAMES, type QuotaName, type Quotas } from '@sandcloud/domain';
import { z } from 'zod';

const limit = (name: QuotaName) =>
  z
    .number({ error: `The ${name} quota must be a number` })
    .int({ error: `The ${name} quota must be a whole number` })
    .min(0, { error: `The ${name} quota cannot be negative` })
    .max(QUOTA_MAX, { error: `The ${name} quota can be at most ${QUOTA_MAX}` })
    .optional();

/** Some of a project's limits (or of the defaults); the others stay as they are. */
export const updateQuotasRequestSchema = z.strictObject(
  Object.fromEntries(QUOTA_NAMES.map((name) => [name, limit(name)])) as Record<QuotaName, ReturnType<typeof limit>>,
);
export type UpdateQuotasRequest = Partial<Quotas>;

/** The cloud-wide defaults (admin settings). */
export type QuotaDefaultsDto = Quotas;

import { parseQuotaSpec } from '@sandcloud/domain';
import { parseFloatingPool } from '@sandcloud/engine';
import { z } from 'zod';
import { join } from 'node:path';

/** Everything the server reads from its environment, parsed once with defaults. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  SANDCLOUD_DATA_DIR: z.string().default(join(process.cwd(), '.data')),
  SANDCLOUD_ADMIN_USER: z.string().optional(),
  SANDCLOUD_ADMIN_PASSWORD: z.string().optional(),
  /** A state file or a JSON/YAML of users and projects, applied once to an empty data directory. */
  SANDCLOUD_SEED: z.string().optional(),
  /** Simulation speed: 1 is as slow as a real cloud; tests and demos may run faster. */
  SANDCLOUD_SPEED: z.coerce.number().positive().default(1),
  /**
   * The public addresses floating IPs come from, `first-last`. Floating IP a.b.c.d answers on
   * 127.b.c.d, so two Sandclouds on one machine need pools that differ in the last three octets.
   */
  SANDCLOUD_FLOATING_POOL: z
    .string()
    .default('203.0.113.10-203.0.113.250')
    .transform((text, context) => {
      const pool = parseFloatingPool(text);
      if (typeof pool === 'string') {
        context.addIssue({ code: 'custom', message: pool });
        return z.NEVER;
      }
      return pool;
    }),
  /** Per-project quota defaults: JSON (`{"instances":20}`) or `instances=20,vcpus=40`. */
  SANDCLOUD_DEFAULT_QUOTAS: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined || text.trim() === '') return undefined;
      const quotas = parseQuotaSpec(text);
      if (typeof quotas === 'string') {
        context.addIssue({ code: 'custom', message: quotas });
        return z.NEVER;
      }
      return quotas;
    }),
  SANDCLOUD_LOG_REQUESTS: z
    .enum(['0', '1'])
    .default('1')
    .transform((v) => v === '1'),
  NODE_ENV: z.string().default('development'),
});

export type ServerConfig = z.infer<typeof envSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid setting ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

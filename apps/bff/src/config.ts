import { z } from 'zod';
import { join } from 'node:path';

/** Everything the server reads from its environment, parsed once with defaults. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  SANDCLOUD_DATA_DIR: z.string().default(join(process.cwd(), '.data')),
  SANDCLOUD_ADMIN_USER: z.string().optional(),
  SANDCLOUD_ADMIN_PASSWORD: z.string().optional(),
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
  SANDCLOUD_LOG_REQUESTS: z
    .enum(['0', '1'])
    .default('1')
    .transform((v) => v === '1'),
  NODE_ENV: z.string().default('development'),
});

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const toInt = (ip: string) => ip.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);

/** `203.0.113.10-203.0.113.250` → the range, or why it is not one. */
export function parseFloatingPool(text: string): { start: string; end: string } | string {
  const [start, end, ...rest] = text.split('-').map((part) => part.trim());
  if (!start || !end || rest.length > 0) return `"${text}" is not a range: write it as first-last, e.g. 203.0.113.10-203.0.113.250`;
  for (const ip of [start, end]) {
    if (!IPV4.test(ip)) return `${ip} is not an IPv4 address`;
    const first = Number(ip.split('.')[0]);
    if (first === 0 || first === 127 || first >= 224) return `${ip} cannot be a public address (0/8, 127/8 and 224/3 are reserved)`;
  }
  if (toInt(start) > toInt(end)) return `The pool starts at ${start}, after its end ${end}`;
  return { start, end };
}

export type ServerConfig = z.infer<typeof envSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid setting ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { invalidInput } from '../core/errors.ts';
import { WorkQueue } from '../core/work-queue.ts';

// scrypt parameters: N=2^15 costs ~50 ms here, which slows guessing without slowing a login.
const COST = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/**
 * Hashing runs on libuv's thread pool (`crypto.scrypt`), never on the event loop, so one login does
 * not stall every other request. At most HASH_CONCURRENCY hashes run at once: one per core, and one
 * thread of the pool left for file I/O (the pool has UV_THREADPOOL_SIZE threads, 4 by default). The
 * hashing threads are ordinary threads the kernel shares fairly with the event loop's, so the event
 * loop keeps its share of a core (bench/stall.bench.ts: a flood of wrong sign-ins does not stall the
 * others). At most HASH_QUEUE more wait; past that a login is refused at once (BUSY, 503) instead of
 * piling up memory and latency: each hash holds 32 MB while it runs.
 */
const THREAD_POOL_SIZE = Number(process.env.UV_THREADPOOL_SIZE) || 4;
const HASH_CONCURRENCY = Math.max(1, Math.min(availableParallelism(), THREAD_POOL_SIZE - 1));
const HASH_QUEUE = 16;

const hashing = new WorkQueue(HASH_CONCURRENCY, HASH_QUEUE, 'Too many sign-ins are being checked right now; try again in a moment');

const scryptAsync = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  hashing.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
      ),
  );

const format = (salt: Buffer, key: Buffer) => `scrypt$${COST.N}$${salt.toString('base64')}$${key.toString('base64')}`;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(salt, await scryptAsync(password, salt, KEY_LENGTH, COST));
}

/** Blocks the caller for one hash: only for start-up (the first administrator), where nothing else runs yet. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return format(salt, scryptSync(password, salt, KEY_LENGTH, COST));
}

/**
 * Checks a password against a stored hash. An unknown user is checked against `DECOY_HASH`, so the
 * work (and the time) is the same whether the user exists or not.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, key] = stored.split('$');
  const usable = scheme === 'scrypt' && !!n && !!salt && !!key;
  const parts = usable ? { n: Number(n), salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') } : DECOY;
  const actual = await scryptAsync(password, parts.salt, parts.key.length, { ...COST, N: parts.n });
  return usable && timingSafeEqual(actual, parts.key);
}

/** A hash of a random password nobody knows, with the same cost as a real one. */
const DECOY = { n: COST.N, salt: randomBytes(16), key: randomBytes(KEY_LENGTH) };
export const DECOY_HASH = `scrypt$${DECOY.n}$${DECOY.salt.toString('base64')}$${DECOY.key.toString('base64')}`;

const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'qwerty123',
  'iloveyou',
  'letmein1',
  'sandcloud',
  'sandcloud1',
  'administrator',
  'admin123',
  'welcome1',
  '11111111',
  '00000000',
  'abcdefgh',
  'abc12345',
  'changeme',
]);

/**
 * The minimum strength rule: 8–256 characters, not the user name, not one character repeated,
 * not one of the passwords every guessing list starts with.
 */
export function assertPasswordStrength(password: string, username: string): void {
  const field = 'password';
  if (password.length < 8) throw invalidInput('Passwords have at least 8 characters', field).coded('password.tooShort', { min: 8 });
  if (password.length > 256) throw invalidInput('Passwords have at most 256 characters', field).coded('password.tooLong', { max: 256 });
  if (password.toLowerCase() === username.toLowerCase()) throw invalidInput('The password must not be the user name', field).coded('password.sameAsUsername');
  if (new Set(password).size < 3) throw invalidInput('The password needs at least 3 different characters', field).coded('password.tooFewCharacters', { min: 3 });
  if (COMMON_PASSWORDS.has(password.toLowerCase())) throw invalidInput('This password is too common; choose another one', field).coded('password.tooCommon');
}

/** A readable random password for the first admin when none is configured. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

import { KEY_PAIR_ALGORITHMS, KEY_PAIR_NAME_PATTERN, NAME_MAX_LENGTH, type KeyPairSource } from '@sandcloud/domain';
import { z } from 'zod';

/** Key pair names as Nova accepts them: letters, digits, "-", "_" (and spaces inside), up to 255. */
export const keyPairNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a key pair name')
  .max(NAME_MAX_LENGTH, `Key pair names have at most ${NAME_MAX_LENGTH} characters`)
  .regex(KEY_PAIR_NAME_PATTERN, 'Use letters, digits, "-" and "_" only');

export const createKeyPairRequestSchema = z.strictObject({
  name: keyPairNameSchema,
  // Ed25519 by default: generated at once, and every OpenSSH since 6.5 reads it.
  algorithm: z.enum(KEY_PAIR_ALGORITHMS, { error: `Algorithm is ${KEY_PAIR_ALGORITHMS.join(' or ')}` }).default('ed25519'),
});
export type CreateKeyPairRequest = z.infer<typeof createKeyPairRequestSchema>;

export const importKeyPairRequestSchema = z.strictObject({
  name: keyPairNameSchema,
  publicKey: z.string().min(1, 'Paste an OpenSSH public key').max(16_384, 'That is too long for a public key'),
});
export type ImportKeyPairRequest = z.infer<typeof importKeyPairRequestSchema>;

export interface KeyPairDto {
  id: string;
  name: string;
  algorithm: string;
  publicKey: string;
  fingerprint: string;
  md5Fingerprint: string;
  source: KeyPairSource;
  instanceCount: number;
  createdAt: string;
}

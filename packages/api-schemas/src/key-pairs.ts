import { z } from 'zod';

/** Key pair names as Nova accepts them: letters, digits, "-", "_" (and spaces inside), up to 255. */
export const keyPairNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a key pair name')
  .max(255, 'Key pair names have at most 255 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" and "_" only');

export const createKeyPairRequestSchema = z.strictObject({
  name: keyPairNameSchema,
  // Ed25519 by default: generated at once, and every OpenSSH since 6.5 reads it.
  algorithm: z.enum(['rsa', 'ed25519'], { error: 'Algorithm is rsa or ed25519' }).default('ed25519'),
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
  source: 'generated' | 'imported';
  instanceCount: number;
  createdAt: string;
}

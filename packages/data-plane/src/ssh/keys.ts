import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SshReader, SshWriter } from './wire.ts';

// Keys of the SSH server: its Ed25519 host key (kept in the data directory so `known_hosts` stays
// valid across restarts), and the clients' public keys (decoded from the wire format, matched
// against authorized_keys, signatures checked) — all with node:crypto.

export const HOST_KEY_FILE = 'ssh_host_ed25519_key';

export interface HostKey {
  readonly algorithm: 'ssh-ed25519';
  /** The public key in the wire format (`K_S`). */
  readonly publicBlob: Buffer;
  /** `SHA256:…`, as `ssh-keygen -l` and the ssh client print it. */
  readonly fingerprint: string;
  /** The wire-format signature blob of `data`. */
  sign(data: Buffer): Buffer;
}

/** Loads the host key from `dataDir`, generating it on the first start. */
export function loadOrCreateHostKey(dataDir: string): HostKey {
  const path = join(dataDir, HOST_KEY_FILE);
  let privateKey: KeyObject;
  if (existsSync(path)) {
    privateKey = createPrivateKey(readFileSync(path, 'utf8'));
  } else {
    mkdirSync(dataDir, { recursive: true });
    privateKey = generateKeyPairSync('ed25519').privateKey;
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  }
  return hostKeyFrom(privateKey);
}

export function hostKeyFrom(privateKey: KeyObject): HostKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The SSH host key must be an Ed25519 key');
  const raw = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url');
  const publicBlob = new SshWriter().string('ssh-ed25519').string(raw).toBuffer();
  return {
    algorithm: 'ssh-ed25519',
    publicBlob,
    fingerprint: fingerprintOf(publicBlob),
    sign: (data) => new SshWriter().string('ssh-ed25519').string(sign(null, data, privateKey)).toBuffer(),
  };
}

export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Signature algorithms the server accepts per key type (SHA-1 `ssh-rsa` signatures are refused, as OpenSSH does since 8.8). */
const SIGNATURE_ALGORITHMS: Record<string, readonly string[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
};

/** What the server announces in `server-sig-algs` (RFC 8308), so clients sign RSA with SHA-2. */
export const SERVER_SIG_ALGS = ['ssh-ed25519', 'rsa-sha2-512', 'rsa-sha2-256', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'];

const CURVES: Record<string, { crv: string; size: number; hash: string }> = {
  nistp256: { crv: 'P-256', size: 32, hash: 'sha256' },
  nistp384: { crv: 'P-384', size: 48, hash: 'sha384' },
  nistp521: { crv: 'P-521', size: 66, hash: 'sha512' },
};

const unsigned = (mpint: Buffer) => {
  let start = 0;
  while (start < mpint.length - 1 && mpint[start] === 0) start++;
  return mpint.subarray(start);
};

export interface ClientKey {
  type: string;
  key: KeyObject;
  curve?: { size: number; hash: string };
}

/** Decodes a public key blob; null for a type this server does not take. */
export function parsePublicKeyBlob(blob: Buffer): ClientKey | null {
  try {
    const reader = new SshReader(blob);
    const type = reader.text();
    if (type === 'ssh-ed25519') {
      const x = reader.string();
      if (x.length !== 32) return null;
      return { type, key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: x.toString('base64url') }, format: 'jwk' }) };
    }
    if (type === 'ssh-rsa') {
      const e = unsigned(reader.string());
      const n = unsigned(reader.string());
      return { type, key: createPublicKey({ key: { kty: 'RSA', e: e.toString('base64url'), n: n.toString('base64url') }, format: 'jwk' }) };
    }
    const curveName = type.startsWith('ecdsa-sha2-') ? type.slice('ecdsa-sha2-'.length) : '';
    const curve = CURVES[curveName];
    if (curve) {
      if (reader.text() !== curveName) return null;
      const point = reader.string();
      if (point[0] !== 4 || point.length !== 1 + 2 * curve.size) return null;
      const x = point.subarray(1, 1 + curve.size).toString('base64url');
      const y = point.subarray(1 + curve.size).toString('base64url');
      return { type, key: createPublicKey({ key: { kty: 'EC', crv: curve.crv, x, y }, format: 'jwk' }), curve };
    }
    return null;
  } catch {
    return null;
  }
}

export function acceptsSignatureAlgorithm(keyType: string, algorithm: string): boolean {
  return SIGNATURE_ALGORITHMS[keyType]?.includes(algorithm) ?? false;
}

/** Checks a wire-format signature blob made with `algorithm` over `data`. */
export function verifySignature(client: ClientKey, algorithm: string, data: Buffer, signatureBlob: Buffer): boolean {
  try {
    if (!acceptsSignatureAlgorithm(client.type, algorithm)) return false;
    const reader = new SshReader(signatureBlob);
    if (reader.text() !== algorithm) return false;
    const signature = reader.string();
    if (algorithm === 'ssh-ed25519') return verify(null, data, client.key, signature);
    if (algorithm === 'rsa-sha2-256') return verify('sha256', data, client.key, signature);
    if (algorithm === 'rsa-sha2-512') return verify('sha512', data, client.key, signature);
    if (client.curve) {
      const parts = new SshReader(signature);
      const pad = (value: Buffer) => {
        const bytes = unsigned(value);
        if (bytes.length > client.curve!.size) throw new Error('bad ECDSA signature');
        return Buffer.concat([Buffer.alloc(client.curve!.size - bytes.length), bytes]);
      };
      const p1363 = Buffer.concat([pad(parts.string()), pad(parts.string())]);
      return verify(client.curve.hash, data, { key: client.key, dsaEncoding: 'ieee-p1363' }, p1363);
    }
    return false;
  } catch {
    return false;
  }
}

/**
 * The key blobs of an `authorized_keys` file: one key a line, `#` comments, optional leading
 * options (`from="…",no-pty ssh-ed25519 AAAA… comment`) skipped.
 */
export function authorizedKeyBlobs(text: string): Buffer[] {
  const blobs: Buffer[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const fields = trimmed.split(/\s+/);
    const at = fields.findIndex((field) => field in SIGNATURE_ALGORITHMS);
    const base64 = at >= 0 ? fields[at + 1] : undefined;
    if (!base64) continue;
    const blob = Buffer.from(base64, 'base64');
    if (blob.length > 0) blobs.push(blob);
  }
  return blobs;
}

/**
 * Pure SSH key-pair crypto for the key-pairs API: generate a key pair, import
 * (validate + normalise) an existing OpenSSH public key, compute fingerprints.
 * No I/O: callers store the results.
 */
import { createHash, generateKeyPair as generateNodeKeyPair, generateKeyPairSync as generateNodeKeyPairSync, type KeyObject } from 'node:crypto';
import sshpk from 'sshpk';

export type KeyAlgorithm = 'rsa' | 'ed25519';

export interface GeneratedKeyPair {
  /** Unencrypted "BEGIN OPENSSH PRIVATE KEY" file, usable as `ssh -i`. */
  privateKeyPem: string;
  /** One-line OpenSSH public key: `type base64 [comment]`. */
  publicKey: string;
  /** `SHA256:<base64 without padding>`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
}

export type ParsedPublicKey =
  | { ok: true; algorithm: string; publicKey: string; fingerprint: string }
  | { ok: false; message: string };

/** ssh-keygen's default RSA size; OpenSSH itself refuses RSA below 1024 and we want >= 2048. */
const RSA_GENERATE_BITS = 3072;
const RSA_MIN_BITS = 2048;

/** Key types accepted on import. DSA is deprecated/disabled in OpenSSH, so it is refused. */
const SUPPORTED_TYPES = [
  'ssh-rsa',
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
] as const;

/** Node's key generation on the thread pool: an RSA key takes up to seconds, which must not hold the event loop. */
function generatePrivateKey(algorithm: KeyAlgorithm): Promise<KeyObject> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, _publicKey: KeyObject, privateKey: KeyObject) => (error ? reject(error) : resolve(privateKey));
    if (algorithm === 'rsa') generateNodeKeyPair('rsa', { modulusLength: RSA_GENERATE_BITS }, done);
    else generateNodeKeyPair('ed25519', {}, done);
  });
}

export async function generateKeyPair(algorithm: KeyAlgorithm, comment: string): Promise<GeneratedKeyPair> {
  // Node's crypto does the key generation (CSPRNG, fast RSA); sshpk only re-encodes it.
  return encodeKeyPair(await generatePrivateKey(algorithm), comment);
}

/** The same on the calling thread, for test fixtures and tools (an RSA key blocks for up to seconds). */
export function generateKeyPairSync(algorithm: KeyAlgorithm, comment: string): GeneratedKeyPair {
  const { privateKey } =
    algorithm === 'rsa' ? generateNodeKeyPairSync('rsa', { modulusLength: RSA_GENERATE_BITS }) : generateNodeKeyPairSync('ed25519');
  return encodeKeyPair(privateKey, comment);
}

function encodeKeyPair(privateKey: KeyObject, comment: string): GeneratedKeyPair {
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  // PKCS#8 is NOT enough: OpenSSH 9.x rejects an Ed25519 PKCS#8 file ("is not a key file").
  // The OpenSSH private key format is read by every OpenSSH >= 6.5 for both algorithms.
  const key = sshpk.parsePrivateKey(pkcs8, 'pem');
  const cleanComment = normaliseComment(comment);
  key.comment = cleanComment;
  const privateKeyPem = key.toString('ssh');

  const blob = key.toPublic().toBuffer('rfc4253');
  const publicKey = formatLine(sshTypeOf(blob), blob, cleanComment);
  return { privateKeyPem, publicKey, fingerprint: sha256Fingerprint(blob) };
}

export function parsePublicKey(text: string): ParsedPublicKey {
  const trimmed = text.trim();
  if (trimmed === '') return refuse('The public key is empty.');
  // Most common mistake: pasting id_rsa instead of id_rsa.pub (also PuTTY .ppk files).
  if (/PRIVATE KEY|PuTTY-User-Key-File/.test(trimmed)) {
    return refuse('This looks like a private key; paste the public key (.pub).');
  }
  if (/^---- BEGIN SSH2 PUBLIC KEY/.test(trimmed)) {
    return refuse('This is an SSH2 (RFC 4716) public key; convert it with `ssh-keygen -i -f FILE` and paste the one-line OpenSSH form.');
  }
  if (/[\r\n]/.test(trimmed)) {
    return refuse('Paste a single public key on one line (like the content of ~/.ssh/id_ed25519.pub).');
  }

  const [type = '', base64 = '', ...commentWords] = trimmed.split(/\s+/);
  if (type === 'ssh-dss') {
    return refuse('DSA (ssh-dss) keys are not supported because OpenSSH has disabled them; use ed25519 or RSA (>= 2048 bits).');
  }
  if (!isSupportedType(type)) {
    return refuse(
      /^[A-Za-z0-9@._-]+$/.test(type) && base64.startsWith('AAAA')
        ? `Unsupported key type "${type}"; supported: ${SUPPORTED_TYPES.join(', ')}.`
        : 'This is not an OpenSSH public key; expected "ssh-ed25519 AAAA... comment" (the content of a .pub file).',
    );
  }

  const blob = decodeBase64Strict(base64);
  if (!blob) return refuse(`The key data after "${type}" is not valid base64.`);
  // The type inside the blob must match the label, otherwise the line was edited or spliced.
  let embeddedType: string;
  try {
    embeddedType = sshTypeOf(blob);
  } catch {
    return refuse('The key data is truncated or corrupted.');
  }
  if (embeddedType !== type) {
    return refuse(`The key data is a "${embeddedType}" key but the line says "${type}".`);
  }

  let key: sshpk.Key;
  try {
    key = sshpk.parseKey(blob, 'rfc4253');
  } catch {
    return refuse('The key data is truncated or corrupted.');
  }
  if (key.type === 'rsa' && key.size < RSA_MIN_BITS) {
    return refuse(`This RSA key is ${key.size} bits; at least ${RSA_MIN_BITS} bits are required.`);
  }

  return {
    ok: true,
    algorithm: type,
    publicKey: formatLine(type, blob, commentWords.join(' ')),
    fingerprint: sha256Fingerprint(blob),
  };
}

/** `SHA256:...` fingerprint of a one-line OpenSSH public key (same as `ssh-keygen -l`). Throws on a malformed line. */
export function fingerprintOf(publicKeyLine: string): string {
  return sha256Fingerprint(blobOf(publicKeyLine));
}

/** Legacy MD5 fingerprint `aa:bb:...`, the form OpenStack Nova shows for key pairs. Throws on a malformed line. */
export function md5FingerprintOf(publicKeyLine: string): string {
  const hex = createHash('md5').update(blobOf(publicKeyLine)).digest('hex');
  return hex.match(/../g)!.join(':');
}

// --- helpers -------------------------------------------------------------

function refuse(message: string): ParsedPublicKey {
  return { ok: false, message };
}

function isSupportedType(type: string): type is (typeof SUPPORTED_TYPES)[number] {
  return (SUPPORTED_TYPES as readonly string[]).includes(type);
}

function sha256Fingerprint(blob: Buffer): string {
  // ssh-keygen prints base64 without the trailing '=' padding.
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

function formatLine(type: string, blob: Buffer, comment: string): string {
  return comment ? `${type} ${blob.toString('base64')} ${comment}` : `${type} ${blob.toString('base64')}`;
}

/** A comment must stay on one line or it would break the .pub line and authorized_keys. */
function normaliseComment(comment: string): string {
  return comment.trim().replace(/\s+/g, ' ');
}

/** Buffer.from(..., 'base64') silently skips junk, so check the text round-trips. */
function decodeBase64Strict(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const buf = Buffer.from(text, 'base64');
  return buf.length > 0 && buf.toString('base64') === text ? buf : undefined;
}

/** The wire-format blob starts with the key type as an SSH string (uint32 length + bytes). */
function sshTypeOf(blob: Buffer): string {
  if (blob.length < 4) throw new Error('truncated key blob');
  const len = blob.readUInt32BE(0);
  if (len === 0 || len > 64 || blob.length < 4 + len) throw new Error('truncated key blob');
  return blob.subarray(4, 4 + len).toString('latin1');
}

function blobOf(publicKeyLine: string): Buffer {
  const base64 = publicKeyLine.trim().split(/\s+/)[1] ?? '';
  const blob = decodeBase64Strict(base64);
  if (!blob) throw new Error('Not an OpenSSH public key line');
  return blob;
}

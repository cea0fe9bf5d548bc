import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sshpk from 'sshpk';

// The SSH server's Ed25519 host key, kept in the data directory so clients' `known_hosts` stays
// valid across restarts. The file is PKCS#8 PEM (what node:crypto writes); sshpk converts it to
// the OpenSSH format that ssh2 reads.

export const HOST_KEY_FILE = 'ssh_host_ed25519_key';

export interface HostKey {
  /** The private key in OpenSSH format, for ssh2's `hostKeys`. */
  readonly privateKey: string;
  /** The public key in the wire format (what `ssh-keyscan` shows, base64-decoded). */
  readonly publicBlob: Buffer;
  /** `SHA256:…`, as `ssh-keygen -l` and the ssh client print it. */
  readonly fingerprint: string;
}

/** Loads the host key from `dataDir`, generating it on the first start. */
export function loadOrCreateHostKey(dataDir: string): HostKey {
  const path = join(dataDir, HOST_KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    // Written aside and renamed, so a crash never leaves half a key that would fail every start.
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, pem, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  }
  return hostKeyFrom(readFileSync(path, 'utf8'));
}

export function hostKeyFrom(pem: string): HostKey {
  const key = sshpk.parsePrivateKey(pem, 'auto');
  if (key.type !== 'ed25519') throw new Error('The SSH host key must be an Ed25519 key');
  return {
    privateKey: key.toString('ssh-private'),
    publicBlob: key.toPublic().toBuffer('rfc4253'),
    fingerprint: key.fingerprint('sha256').toString(),
  };
}

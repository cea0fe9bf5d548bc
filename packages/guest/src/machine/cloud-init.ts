import { isFsError } from '../filesystem/errors.ts';
import type { Vfs } from '../filesystem/vfs.ts';

export interface InstanceMetadata {
  hostname: string;
  /** OpenSSH public key of the instance's key pair. */
  publicKey?: string;
}

/**
 * What cloud-init does on every boot of an instance: set the hostname and
 * install the key pair's public key for root. An instance launched from a
 * private image thus gets its own name while keeping the image's files.
 */
export function applyInstanceMetadata(vfs: Vfs, metadata: InstanceMetadata): void {
  writeIfChanged(vfs, '/etc/hostname', `${metadata.hostname}\n`);
  if (!metadata.publicKey) return;
  vfs.mkdirp('/root/.ssh');
  vfs.chmod('/root/.ssh', 0o700);
  const path = '/root/.ssh/authorized_keys';
  let existing = '';
  try {
    existing = vfs.readFile(path);
  } catch (error) {
    if (!isFsError(error, 'ENOENT')) throw error;
  }
  const key = metadata.publicKey.trim();
  if (existing.split('\n').some((line) => line.trim() === key)) return;
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  vfs.writeFile(path, `${existing}${separator}${key}\n`);
  vfs.chmod(path, 0o600);
}

function writeIfChanged(vfs: Vfs, path: string, content: string): void {
  try {
    if (vfs.readFile(path) === content) return;
  } catch (error) {
    if (!isFsError(error, 'ENOENT')) throw error;
  }
  vfs.writeFile(path, content);
}

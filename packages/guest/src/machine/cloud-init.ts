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

/** Where cloud-init's final stage writes what user scripts print, as on a real instance. */
export const CLOUD_INIT_OUTPUT_LOG = '/var/log/cloud-init-output.log';
const CLOUD_INIT_VERSION = '22.1';

/**
 * cloud-init's user data, once per instance (`sem/config_scripts_user`, kept on the root disk): the
 * data is saved as `user-data.txt`; a `#!/bin/bash` (or `#!/bin/sh`) script becomes
 * `scripts/part-001` and its path is returned for the boot to run as root, with its output appended
 * to `/var/log/cloud-init-output.log`. Anything else is logged as unhandled, and null is returned.
 * An image captured from an instance carries that instance's marker, not the new one's.
 */
export function prepareUserScript(vfs: Vfs, instanceId: string, userData: string, now: Date): string | null {
  const dir = `/var/lib/cloud/instances/${instanceId}`;
  const marker = `${dir}/sem/config_scripts_user`;
  if (vfs.exists(marker)) return null;
  vfs.mkdirp(`${dir}/sem`);
  vfs.mkdirp(`${dir}/scripts`);
  vfs.writeFile(`${dir}/user-data.txt`, userData);
  vfs.chmod(`${dir}/user-data.txt`, 0o600);
  vfs.writeFile(marker, `${now.toISOString()}\n`);
  const header = `Cloud-init v. ${CLOUD_INIT_VERSION} running 'modules:final' at ${now.toUTCString()}. Up 5.00 seconds.\n`;
  if (!/^#!\s*\/(usr\/)?bin\/(ba)?sh\b/.test(userData)) {
    const start = userData.slice(0, 20).split('\n')[0] ?? '';
    vfs.appendFile(CLOUD_INIT_OUTPUT_LOG, `${header}Unhandled non-multipart (text/x-not-multipart) userdata: 'b'${start}...'\n`);
    return null;
  }
  const script = `${dir}/scripts/part-001`;
  vfs.writeFile(script, userData);
  vfs.chmod(script, 0o700);
  vfs.appendFile(CLOUD_INIT_OUTPUT_LOG, header);
  return script;
}

/** The line cloud-init ends its final stage with. */
export function cloudInitFinished(now: Date, exitCode: number): string {
  const failed = exitCode === 0 ? '' : 'Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)\n';
  return `${failed}Cloud-init v. ${CLOUD_INIT_VERSION} finished at ${now.toUTCString()}. Datasource DataSourceOpenStackLocal [net,ver=2].\n`;
}

import { parse as parseYaml } from 'yaml';
import { isFsError } from '../filesystem/errors.ts';
import type { Vfs } from '../filesystem/vfs.ts';
import { shellQuote } from '../shell/quote.ts';
import { isDebianFamily } from './packages.ts';
import type { OsProfile } from './os-profiles.ts';

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
export function prepareUserScript(vfs: Vfs, instanceId: string, userData: string, now: Date, profile?: OsProfile): string | null {
  const dir = `/var/lib/cloud/instances/${instanceId}`;
  const marker = `${dir}/sem/config_scripts_user`;
  if (vfs.exists(marker)) return null;
  vfs.mkdirp(`${dir}/sem`);
  vfs.mkdirp(`${dir}/scripts`);
  vfs.writeFile(`${dir}/user-data.txt`, userData);
  vfs.chmod(`${dir}/user-data.txt`, 0o600);
  vfs.writeFile(marker, `${now.toISOString()}\n`);
  const header = `Cloud-init v. ${CLOUD_INIT_VERSION} running 'modules:final' at ${now.toUTCString()}. Up 5.00 seconds.\n`;
  if (/^#cloud-config[ \t]*(\r?\n|$)/.test(userData)) {
    const script = cloudConfigScript(vfs, userData, profile);
    if (typeof script !== 'string') {
      vfs.appendFile(CLOUD_INIT_OUTPUT_LOG, `${header}${script.error}\n`);
      return null;
    }
    const path = `${dir}/scripts/runcmd`;
    vfs.writeFile(path, script);
    vfs.chmod(path, 0o700);
    vfs.appendFile(CLOUD_INIT_OUTPUT_LOG, header);
    return path;
  }
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

/** The cloud-config keys Sandcloud runs; others are accepted and ignored, as cloud-init skips unknown modules. */
interface CloudConfig {
  packages?: unknown;
  write_files?: unknown;
  runcmd?: unknown;
}

/**
 * `#cloud-config` as cloud-init runs it, in its stages' order: `write_files` (init stage: written at
 * once, with `permissions`, `encoding: b64` and `append`), then `packages` (config stage: the image's
 * package manager installs them, so `nginx` or `python3` exist afterwards and a Debian-family image
 * starts the web server) and `runcmd` (final stage: each entry a shell line, or an argv list). The
 * last two become one shell script run as root like a `#!/bin/bash` user script, its output in
 * `/var/log/cloud-init-output.log`. A document that is not YAML, or keys of the wrong type, are
 * logged as cloud-init logs them and nothing runs.
 */
export function cloudConfigScript(vfs: Vfs, userData: string, profile: OsProfile | undefined): string | { error: string } {
  let config: CloudConfig;
  try {
    const parsed: unknown = parseYaml(userData);
    config = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as CloudConfig) : {};
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { error: `Failed loading yaml blob. Invalid format at line ${/line (\d+)/.exec(reason ?? '')?.[1] ?? '1'}: ${reason}` };
  }
  const lines: string[] = [];
  if (config.write_files !== undefined) {
    if (!Array.isArray(config.write_files)) return { error: 'Invalid cloud-config provided: write_files: is not of type \'array\'' };
    for (const entry of config.write_files as unknown[]) {
      const file = (entry ?? {}) as { path?: unknown; content?: unknown; permissions?: unknown; encoding?: unknown; append?: unknown };
      if (typeof file.path !== 'string' || !file.path.startsWith('/')) return { error: 'Invalid cloud-config provided: write_files: each entry needs an absolute path' };
      const raw = file.content === undefined ? '' : String(file.content);
      const content = file.encoding === 'b64' || file.encoding === 'base64' ? new TextDecoder().decode(Uint8Array.from(atob(raw.replace(/\s/g, '')), (c) => c.charCodeAt(0))) : raw;
      vfs.mkdirp(file.path.slice(0, file.path.lastIndexOf('/')) || '/');
      if (file.append === true) vfs.appendFile(file.path, content);
      else vfs.writeFile(file.path, content);
      const mode = typeof file.permissions === 'string' ? Number.parseInt(file.permissions, 8) : typeof file.permissions === 'number' ? file.permissions : 0o644;
      if (Number.isInteger(mode)) vfs.chmod(file.path, mode);
    }
  }
  if (config.packages !== undefined) {
    if (!Array.isArray(config.packages) || !config.packages.every((p) => typeof p === 'string')) {
      return { error: 'Invalid cloud-config provided: packages: is not an array of package names' };
    }
    if (config.packages.length > 0) {
      const debian = profile ? isDebianFamily(profile) : false;
      lines.push(`${debian ? 'apt-get' : 'yum'} install -y ${(config.packages as string[]).map(shellQuote).join(' ')}`);
    }
  }
  if (config.runcmd !== undefined) {
    if (!Array.isArray(config.runcmd)) return { error: 'Invalid cloud-config provided: runcmd: is not of type \'array\'' };
    for (const command of config.runcmd as unknown[]) {
      if (typeof command === 'string') lines.push(command);
      else if (Array.isArray(command)) lines.push(command.map((word) => shellQuote(String(word))).join(' '));
      else return { error: 'Invalid cloud-config provided: runcmd: each entry is a string or a list' };
    }
  }
  return `#!/bin/sh\n${lines.join('\n')}\n`;
}

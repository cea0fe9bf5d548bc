import type { Vfs } from '../filesystem/vfs.ts';
import type { OsProfile } from './os-profiles.ts';

/**
 * The few packages a simulated guest can install (`apt-get install`, `yum install`, cloud-config's
 * `packages:`): what installing one writes to the disk (its binary, which makes the command exist,
 * and its default web page) and the service it brings. Installed state lives on the root disk, so it
 * survives reboots and goes with a captured image, as on a real machine.
 */
export interface GuestPackage {
  /** The binary whose presence means "installed" (`which` finds it, the command runs). */
  binary: string;
  /** The systemd unit it ships, if any; Debian-family images start it on install. */
  service?: WebService;
  /** Other files it writes (default pages). */
  files?: (profile: OsProfile) => Record<string, string>;
  /** Installed size, for the apt/yum summary. */
  sizeKb: number;
  version: string;
}

/** A web server daemon: what `systemctl start <unit>` runs. */
export interface WebService {
  unit: string;
  /** Command line as `ps` shows the master process. */
  command: string;
  port: number;
  documentRoot: (profile: OsProfile) => string;
}

export const isDebianFamily = (profile: OsProfile): boolean => profile.id === 'ubuntu-22.04' || profile.id === 'debian-12';

const nginxRoot = (profile: OsProfile): string => (isDebianFamily(profile) ? '/var/www/html' : '/usr/share/nginx/html');
const NGINX_PAGE = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n';
const APACHE_PAGE = '<!DOCTYPE html>\n<html>\n<head>\n<title>Apache2 Default Page: It works</title>\n</head>\n<body>\n<h1>It works!</h1>\n</body>\n</html>\n';

const nginx: GuestPackage = {
  binary: '/usr/sbin/nginx',
  version: '1.20.1',
  sizeKb: 1_720,
  service: { unit: 'nginx', command: 'nginx: master process /usr/sbin/nginx', port: 80, documentRoot: nginxRoot },
  files: (profile) => ({ [`${nginxRoot(profile)}/index.html`]: NGINX_PAGE }),
};

const apache = (binary: string, unit: string): GuestPackage => ({
  binary,
  version: '2.4.57',
  sizeKb: 1_960,
  service: { unit, command: `${binary} -k start`, port: 80, documentRoot: () => '/var/www/html' },
  files: () => ({ '/var/www/html/index.html': APACHE_PAGE }),
});

/** Package names by family; a name the other family uses is "not found", as apt and yum say. */
export function findPackage(profile: OsProfile, name: string): GuestPackage | undefined {
  const debian = isDebianFamily(profile);
  switch (name) {
    case 'nginx':
      return nginx;
    case 'apache2':
      return debian ? apache('/usr/sbin/apache2', 'apache2') : undefined;
    case 'httpd':
      return debian ? undefined : apache('/usr/sbin/httpd', 'httpd');
    case 'python3':
      return { binary: '/usr/bin/python3', version: profile.python3 ?? '3.6.8', sizeKb: 460 };
    case 'curl':
    case 'vim':
    case 'git':
    case 'htop':
    case 'wget':
    case 'unzip':
      return { binary: `/usr/bin/${name === 'vim' && !debian ? 'vim' : name}`, version: '1.0', sizeKb: 300 };
    default:
      return undefined;
  }
}

/** Every service unit an image can have, for `systemctl`. */
export function findService(profile: OsProfile, unit: string): WebService | undefined {
  const name = unit.replace(/\.service$/, '');
  const pkg = findPackage(profile, name);
  return pkg?.service;
}

export function isInstalled(vfs: Vfs, pkg: GuestPackage): boolean {
  return vfs.exists(pkg.binary);
}

/** Writes the package's files (the binary is a small ELF stand-in, executable). */
export function installPackage(vfs: Vfs, profile: OsProfile, pkg: GuestPackage): void {
  const dir = pkg.binary.slice(0, pkg.binary.lastIndexOf('/'));
  vfs.mkdirp(dir);
  vfs.writeFile(pkg.binary, '\x7fELF\n');
  vfs.chmod(pkg.binary, 0o755);
  for (const [path, content] of Object.entries(pkg.files?.(profile) ?? {})) {
    vfs.mkdirp(path.slice(0, path.lastIndexOf('/')));
    if (!vfs.exists(path)) vfs.writeFile(path, content);
  }
}

import type { Ext4Generation } from '../storage/ext4-geometry.ts';

/**
 * Everything that differs between the public images: release files, kernel,
 * tool versions and the small output differences of their tool generations.
 * Tools consult the profile instead of hard-coding one distribution.
 */
export type OsImageId = 'centos-7' | 'ubuntu-22.04' | 'rocky-9' | 'debian-12';

export interface OsProfile {
  id: OsImageId;
  prettyName: string;
  /** Content of /etc/os-release. */
  osRelease: string;
  /** Other release files (/etc/redhat-release, /etc/lsb-release, ...). */
  releaseFiles: Record<string, string>;
  kernelRelease: string;
  /** uname -v */
  kernelVersion: string;
  /** Default PS1 for root. */
  ps1: string;
  bashVersion: string;
  /** Tool generation: message wording of util-linux/curl/procps, mke2fs report style. */
  generation: Ext4Generation;
  e2fsprogs: { version: string; date: string };
  /** Interpreters installed: `python` (2.x) and/or `python3`. */
  python2?: string;
  python3?: string;
  /** SELinux label dot in `ls -l` ("-rw-r--r--."). */
  selinux: boolean;
  /** Major number of virtio-blk devices. */
  virtioMajor: number;
  /** Bytes of preinstalled packages on a fresh root disk (shown as Used by df). */
  preinstalledBytes: number;
  /** Dotfiles in /root of a fresh image. */
  rootHomeFiles: Record<string, string>;
  /** Binary directories (PATH order). */
  path: string;
}

const MiB = 1024 * 1024;

const RHEL_BASHRC = `# .bashrc

# User specific aliases and functions

alias rm='rm -i'
alias cp='cp -i'
alias mv='mv -i'

# Source global definitions
if [ -f /etc/bashrc ]; then
	. /etc/bashrc
fi
`;

const RHEL_BASH_PROFILE = `# .bash_profile

# Get the aliases and functions
if [ -f ~/.bashrc ]; then
	. ~/.bashrc
fi

# User specific environment and startup programs

PATH=$PATH:$HOME/bin

export PATH
`;

const RHEL_HOME = {
  '.bash_logout': '# ~/.bash_logout\n',
  '.bash_profile': RHEL_BASH_PROFILE,
  '.bashrc': RHEL_BASHRC,
  '.cshrc': '# .cshrc\n',
  '.tcshrc': '# .tcshrc\n',
};

const DEBIAN_HOME = {
  '.bashrc': "# ~/.bashrc: executed by bash(1) for non-login shells.\n\nexport PS1='\\h:\\w\\$ '\numask 022\n",
  '.profile': '# ~/.profile: executed by Bourne-compatible login shells.\n\nif [ "$BASH" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n\nmesg n 2> /dev/null || true\n',
};

export const OS_PROFILES: Record<OsImageId, OsProfile> = {
  'centos-7': {
    id: 'centos-7',
    prettyName: 'CentOS Linux 7 (Core)',
    osRelease: `NAME="CentOS Linux"
VERSION="7 (Core)"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="7"
PRETTY_NAME="CentOS Linux 7 (Core)"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:centos:centos:7"
HOME_URL="https://www.centos.org/"
BUG_REPORT_URL="https://bugs.centos.org/"

CENTOS_MANTISBT_PROJECT="CentOS-7"
CENTOS_MANTISBT_PROJECT_VERSION="7"
REDHAT_SUPPORT_PRODUCT="centos"
REDHAT_SUPPORT_PRODUCT_VERSION="7"

`,
    releaseFiles: {
      '/etc/centos-release': 'CentOS Linux release 7.9.2009 (Core)\n',
      '/etc/redhat-release': 'CentOS Linux release 7.9.2009 (Core)\n',
      '/etc/system-release': 'CentOS Linux release 7.9.2009 (Core)\n',
    },
    kernelRelease: '3.10.0-1160.el7.x86_64',
    kernelVersion: '#1 SMP Mon Oct 19 16:18:59 UTC 2020',
    ps1: '[\\u@\\h \\W]\\$ ',
    bashVersion: '4.2.46(2)-release',
    generation: 'legacy',
    e2fsprogs: { version: '1.42.9', date: '28-Dec-2013' },
    python2: '2.7.5',
    selinux: true,
    virtioMajor: 253,
    preinstalledBytes: 815 * MiB,
    rootHomeFiles: RHEL_HOME,
    path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin',
  },
  'rocky-9': {
    id: 'rocky-9',
    prettyName: 'Rocky Linux 9.3 (Blue Onyx)',
    osRelease: `NAME="Rocky Linux"
VERSION="9.3 (Blue Onyx)"
ID="rocky"
ID_LIKE="rhel centos fedora"
VERSION_ID="9.3"
PLATFORM_ID="platform:el9"
PRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"
ANSI_COLOR="0;32"
LOGO="fedora-logo-icon"
CPE_NAME="cpe:/o:rocky:rocky:9::baseos"
HOME_URL="https://rockylinux.org/"
BUG_REPORT_URL="https://bugs.rockylinux.org/"
SUPPORT_END="2032-05-31"
ROCKY_SUPPORT_PRODUCT="Rocky-Linux-9"
ROCKY_SUPPORT_PRODUCT_VERSION="9.3"
REDHAT_SUPPORT_PRODUCT="Rocky Linux"
REDHAT_SUPPORT_PRODUCT_VERSION="9.3"
`,
    releaseFiles: {
      '/etc/rocky-release': 'Rocky Linux release 9.3 (Blue Onyx)\n',
      '/etc/redhat-release': 'Rocky Linux release 9.3 (Blue Onyx)\n',
      '/etc/system-release': 'Rocky Linux release 9.3 (Blue Onyx)\n',
    },
    kernelRelease: '5.14.0-362.8.1.el9_3.x86_64',
    kernelVersion: '#1 SMP PREEMPT_DYNAMIC Wed Nov 8 17:36:32 UTC 2023',
    ps1: '[\\u@\\h \\W]\\$ ',
    bashVersion: '5.1.8(1)-release',
    generation: 'modern',
    e2fsprogs: { version: '1.46.5', date: '30-Dec-2021' },
    python3: '3.9.18',
    selinux: true,
    virtioMajor: 252,
    preinstalledBytes: 1180 * MiB,
    rootHomeFiles: RHEL_HOME,
    path: '/root/.local/bin:/root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin',
  },
  'ubuntu-22.04': {
    id: 'ubuntu-22.04',
    prettyName: 'Ubuntu 22.04.3 LTS',
    osRelease: `PRETTY_NAME="Ubuntu 22.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.3 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`,
    releaseFiles: {
      '/etc/lsb-release':
        'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\nDISTRIB_DESCRIPTION="Ubuntu 22.04.3 LTS"\n',
      '/etc/debian_version': 'bookworm/sid\n',
    },
    kernelRelease: '5.15.0-91-generic',
    kernelVersion: '#101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023',
    ps1: '\\u@\\h:\\w\\$ ',
    bashVersion: '5.1.16(1)-release',
    generation: 'modern',
    e2fsprogs: { version: '1.46.5', date: '30-Dec-2021' },
    python3: '3.10.12',
    selinux: false,
    virtioMajor: 252,
    preinstalledBytes: 1530 * MiB,
    rootHomeFiles: DEBIAN_HOME,
    path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin',
  },
  'debian-12': {
    id: 'debian-12',
    prettyName: 'Debian GNU/Linux 12 (bookworm)',
    osRelease: `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
    releaseFiles: { '/etc/debian_version': '12.4\n' },
    kernelRelease: '6.1.0-17-amd64',
    kernelVersion: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.69-1 (2023-12-30)',
    ps1: '\\u@\\h:\\w\\$ ',
    bashVersion: '5.2.15(1)-release',
    generation: 'modern',
    e2fsprogs: { version: '1.47.0', date: '5-Feb-2023' },
    python3: '3.11.2',
    selinux: false,
    virtioMajor: 254,
    preinstalledBytes: 960 * MiB,
    rootHomeFiles: DEBIAN_HOME,
    path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  },
};

export function osProfile(id: OsImageId): OsProfile {
  const profile = OS_PROFILES[id];
  if (!profile) throw new Error(`unknown image ${String(id)}; expected one of ${Object.keys(OS_PROFILES).join(', ')}`);
  return profile;
}

export function isOsImageId(value: string): value is OsImageId {
  return value in OS_PROFILES;
}

/**
 * Identifies the base OS of a root disk from its /etc/os-release (private
 * images carry the files of the instance they were made from).
 */
export function detectOsImage(osRelease: string): OsImageId | undefined {
  const field = (key: string): string | undefined => {
    const match = new RegExp(`^${key}="?([^"\\n]*)"?$`, 'm').exec(osRelease);
    return match?.[1];
  };
  const id = field('ID');
  const version = field('VERSION_ID') ?? '';
  if (id === 'centos' && version.startsWith('7')) return 'centos-7';
  if (id === 'rocky' && version.startsWith('9')) return 'rocky-9';
  if (id === 'ubuntu' && version === '22.04') return 'ubuntu-22.04';
  if (id === 'debian' && version === '12') return 'debian-12';
  return undefined;
}

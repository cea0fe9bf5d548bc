import type { Image } from './image.ts';

type PublicImageSeed = Pick<Image, 'id' | 'name' | 'osType' | 'osDistro' | 'osVersion' | 'minDiskGb' | 'minRamMb' | 'sizeBytes' | 'description'>;

const GiB = 1024 ** 3;

/** The public catalog every project sees. Ids are fixed so they stay the same across restarts. */
export const PUBLIC_IMAGES: readonly PublicImageSeed[] = [
  { id: '6f1c0a00-0000-4000-8000-000000000007', name: 'CentOS 7.9 (2024.01)', osType: 'linux', osDistro: 'centos', osVersion: '7.9', minDiskGb: 20, minRamMb: 512, sizeBytes: 1.1 * GiB, description: 'CentOS Linux 7.9' },
  { id: '6f1c0a00-0000-4000-8000-000000000009', name: 'Rocky Linux 9.4 (2024.06)', osType: 'linux', osDistro: 'rocky', osVersion: '9.4', minDiskGb: 20, minRamMb: 1024, sizeBytes: 1.0 * GiB, description: 'Rocky Linux 9.4 (Blue Onyx)' },
  { id: '6f1c0a00-0000-4000-8000-000000002204', name: 'Ubuntu Server 22.04 LTS (2024.08)', osType: 'linux', osDistro: 'ubuntu', osVersion: '22.04', minDiskGb: 20, minRamMb: 1024, sizeBytes: 0.7 * GiB, description: 'Ubuntu 22.04.4 LTS (Jammy Jellyfish)' },
  { id: '6f1c0a00-0000-4000-8000-000000002404', name: 'Ubuntu Server 24.04 LTS (2024.08)', osType: 'linux', osDistro: 'ubuntu', osVersion: '24.04', minDiskGb: 20, minRamMb: 1024, sizeBytes: 0.8 * GiB, description: 'Ubuntu 24.04 LTS (Noble Numbat)' },
  { id: '6f1c0a00-0000-4000-8000-000000000012', name: 'Debian 12 (2024.07)', osType: 'linux', osDistro: 'debian', osVersion: '12', minDiskGb: 20, minRamMb: 512, sizeBytes: 0.6 * GiB, description: 'Debian GNU/Linux 12 (bookworm)' },
  { id: '6f1c0a00-0000-4000-8000-000000002022', name: 'Windows Server 2022 STD (2024.05)', osType: 'windows', osDistro: 'windows', osVersion: '2022', minDiskGb: 50, minRamMb: 2048, sizeBytes: 9.5 * GiB, description: 'Windows Server 2022 Standard' },
];

import type { FilesystemSnapshot } from '../filesystem/snapshot.ts';

/** What is written on a device, as persisted (not what sits in the page cache). */
export type DeviceContent =
  | { type: 'raw' }
  | { type: 'swap'; uuid: string }
  | { type: 'ext4'; snapshot: FilesystemSnapshot };

export interface BlockDevice {
  /** Kernel name: "vda", "vda2", "vdb". */
  name: string;
  kind: 'disk' | 'part';
  /** Disk of a partition. */
  parent?: string;
  sizeBytes: number;
  major: number;
  minor: number;
  content: DeviceContent;
  /** The cloud volume behind an attached device (absent for the root disk). */
  volumeId?: string;
}

export function devicePath(name: string): string {
  return `/dev/${name}`;
}

/** Accepts "/dev/vdb" or "vdb". */
export function deviceName(pathOrName: string): string {
  return pathOrName.startsWith('/dev/') ? pathOrName.slice('/dev/'.length) : pathOrName;
}

/** virtio disks are named vda, vdb, ... vdz, vdaa ... in attachment order. */
export function virtioDiskName(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let name = '';
  let n = index;
  do {
    name = (letters[n % 26] as string) + name;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `vd${name}`;
}

export function virtioDiskIndex(name: string): number {
  const letters = name.replace(/^vd/, '');
  let index = 0;
  for (const ch of letters) index = index * 26 + (ch.charCodeAt(0) - 96);
  return index - 1;
}

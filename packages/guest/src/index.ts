/**
 * @sandcloud/guest — a simulated small Linux machine for Sandcloud instances.
 * Pure library: no real I/O, no timers; the engine wires persistence,
 * networking and power through `GuestHost` and drives time with `tick()`.
 */

// The machine
export { Guest } from './guest.ts';
export type { GuestConfig, BootReport, DeviceInfo, PowerState, GuestFiles, GuestUsage } from './guest.ts';

// What the guest needs from the engine
export { NetworkError } from './host.ts';
export type {
  GuestHost,
  PowerAction,
  HostListener,
  HttpHandler,
  InboundHttpRequest,
  OutboundHttpRequest,
  HttpResponse,
  PingOutcome,
  NetworkErrorCode,
} from './host.ts';

// Terminal sessions
export { Session } from './terminal/session.ts';
export type { SessionOptions, CommandResult } from './terminal/session.ts';

// Files (errno-style errors, as the guest's system calls fail)
export { FsError, isFsError, ERRNO_MESSAGES } from './filesystem/errors.ts';
export type { Errno } from './filesystem/errors.ts';
export type { Stat, NodeType } from './filesystem/types.ts';

// Disks and images
export { Filesystem } from './filesystem/filesystem.ts';
export { SNAPSHOT_FORMAT, assertSnapshot } from './filesystem/snapshot.ts';
export type { FilesystemSnapshot, SnapshotEntry } from './filesystem/snapshot.ts';
export type { VolumeAttachment, DetachResult } from './storage/storage-manager.ts';
export { computeExt4Layout } from './storage/ext4-geometry.ts';
export { provisionRootFilesystem } from './machine/provision.ts';

// Images and identity
export { OS_PROFILES, osProfile, isOsImageId, detectOsImage } from './machine/os-profiles.ts';
export type { OsImageId, OsProfile } from './machine/os-profiles.ts';
export { hostnameFromIp, macFromIp } from './machine/identity.ts';

// Time
export { ManualClock, systemClock } from './time/clock.ts';
export type { Clock } from './time/clock.ts';

// Shell syntax (for tooling such as command highlighting)
export { parse } from './shell/parser.ts';

// Test support for the engine's own tests
export { RecordingHost } from './testing/recording-host.ts';

import { Filesystem } from './filesystem/filesystem.ts';
import type { FilesystemSnapshot } from './filesystem/snapshot.ts';
import { osProfile, type OsImageId } from './machine/os-profiles.ts';
import { provisionRootFilesystem } from './machine/provision.ts';

/** The root disk of a fresh public image, e.g. to seed the image catalogue. */
export function createImageSnapshot(
  image: OsImageId,
  options: { randomUUID?: () => string; now?: () => number } = {},
): FilesystemSnapshot {
  const rootUuid = (options.randomUUID ?? (() => globalThis.crypto.randomUUID()))();
  return provisionRootFilesystem(osProfile(image), { rootUuid, now: options.now ?? (() => Date.now()) }).toSnapshot();
}

/** An empty ext4 filesystem snapshot (what mkfs produces), for seeding volumes. */
export function createBlankVolumeSnapshot(uuid: string, now: number = Date.now()): FilesystemSnapshot {
  const fs = Filesystem.blank({ fsType: 'ext4', uuid, now: () => now });
  fs.mkdir('/lost+found', 0o700);
  return fs.toSnapshot();
}
export type { ProcessInfo } from './machine/process-table.ts';

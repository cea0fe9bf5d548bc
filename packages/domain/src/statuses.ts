// Every status any resource kind can have, in one union, and what each one means to a person
// looking at a list: on its way somewhere, working, degraded, failed or simply not running. The
// console colours its badges from this table; because the table is keyed by the union, a status
// added to any kind's list does not compile until it is classified here.
import type { InstanceStatus } from './compute.ts';
import type { VolumeSnapshotStatus, VolumeStatus } from './block-storage.ts';
import type { ImageStatus } from './images.ts';
import type { FloatingIpStatus, NetworkStatus } from './networking.ts';
import type { OperatingStatus, ProvisioningStatus } from './load-balancing.ts';

export type ResourceStatus =
  | InstanceStatus
  | VolumeStatus
  | VolumeSnapshotStatus
  | ImageStatus
  | NetworkStatus
  | FloatingIpStatus
  | ProvisioningStatus
  | OperatingStatus;

export const STATUS_PHASE_NAMES = ['transitional', 'healthy', 'degraded', 'failed', 'inactive'] as const;
export type StatusPhase = (typeof STATUS_PHASE_NAMES)[number];

/** The phase of each status (a status shared by several kinds means the same in each). */
export const STATUS_PHASES: Readonly<Record<ResourceStatus, StatusPhase>> = {
  BUILD: 'transitional',
  REBOOT: 'transitional',
  HARD_REBOOT: 'transitional',
  RESIZE: 'transitional',
  REVERT_RESIZE: 'transitional',
  REBUILD: 'transitional',
  VERIFY_RESIZE: 'degraded',
  PENDING_CREATE: 'transitional',
  PENDING_UPDATE: 'transitional',
  PENDING_DELETE: 'transitional',
  creating: 'transitional',
  attaching: 'transitional',
  detaching: 'transitional',
  extending: 'transitional',
  deleting: 'transitional',
  uploading: 'transitional',
  queued: 'transitional',
  saving: 'transitional',
  ACTIVE: 'healthy',
  ONLINE: 'healthy',
  available: 'healthy',
  'in-use': 'healthy',
  active: 'healthy',
  DEGRADED: 'degraded',
  ERROR: 'failed',
  error: 'failed',
  OFFLINE: 'failed',
  killed: 'failed',
  SHUTOFF: 'inactive',
  DOWN: 'inactive',
  NO_MONITOR: 'inactive',
  deleted: 'inactive',
};

/** The phase of a status read from the wire; an unknown one is treated as inactive. */
export const statusPhase = (status: string): StatusPhase =>
  Object.hasOwn(STATUS_PHASES, status) ? STATUS_PHASES[status as ResourceStatus] : 'inactive';

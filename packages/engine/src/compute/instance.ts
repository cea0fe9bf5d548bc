import type { TransitionTable } from '../core/state-machine.ts';
import type { ResourceBase } from '../store/resource-store.ts';

/** Nova server statuses used here. */
export type InstanceStatus = 'BUILD' | 'ACTIVE' | 'SHUTOFF' | 'REBOOT' | 'ERROR';
/** Nova task states: an operation in flight on an otherwise steady status. */
export type InstanceTaskState = 'powering-off' | 'powering-on' | 'deleting' | 'image_snapshot' | null;
export type PowerState = 'RUNNING' | 'SHUTDOWN' | 'NOSTATE';

export interface Instance extends ResourceBase {
  status: InstanceStatus;
  taskState: InstanceTaskState;
  powerState: PowerState;
  imageId: string;
  imageName: string;
  flavorId: string;
  vcpus: number;
  ramMb: number;
  zone: string;
  rootDiskGb: number;
  keyName: string;
  networkId: string;
  portId: string | null;
  securityGroupIds: string[];
}

export type InstanceAction = 'stop' | 'start' | 'reboot' | 'delete' | 'create_image' | 'change_security_groups';

/** Which actions each status allows. A task in flight blocks every action (see `instanceState`). */
export const INSTANCE_TRANSITIONS: TransitionTable<InstanceStatus, InstanceAction> = {
  stop: { from: ['ACTIVE'] },
  start: { from: ['SHUTOFF'] },
  reboot: { from: ['ACTIVE'] },
  delete: { from: ['ACTIVE', 'SHUTOFF', 'ERROR'] },
  create_image: { from: ['SHUTOFF'] },
  change_security_groups: { from: ['ACTIVE', 'SHUTOFF'] },
};

/** How long each step takes in simulated time (ms), roughly as on a real cloud. */
export const INSTANCE_DURATIONS = {
  build: 5_000,
  stop: 3_000,
  start: 3_000,
  reboot: 4_000,
  delete: 2_000,
} as const;

import type { InstanceAction, InstanceStatus, InstanceTaskState, PowerState } from '@sandcloud/domain';
import type { TransitionTable } from '../core/state-machine.ts';
import type { ResourceBase } from '../store/resource-store.ts';

// The instance record as the engine stores it; its vocabulary (statuses, task and power states,
// actions) comes from `@sandcloud/domain`.

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

import { INSTANCE_LIFECYCLE, type InstanceLifecycleAction } from '@sandcloud/domain';
import { transitionsOf, type TransitionTable } from '../core/state-machine.ts';
import type { ResourceBase } from '../store/resource-store.ts';

/** Nova server statuses used here. */
export type InstanceStatus = 'BUILD' | 'ACTIVE' | 'SHUTOFF' | 'REBOOT' | 'HARD_REBOOT' | 'ERROR';
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

export type InstanceAction = Exclude<InstanceLifecycleAction, 'create'>;

/** Which actions each status allows (the lifecycle table's from-states). A task in flight blocks every action (see `InstanceService`). */
export const INSTANCE_TRANSITIONS: TransitionTable<InstanceStatus, InstanceAction> = transitionsOf(INSTANCE_LIFECYCLE);

import { INSTANCE_LIFECYCLE } from '@sandcloud/domain';
import type { InstanceAction, InstanceStatus, InstanceTaskState, PowerState } from '@sandcloud/domain';
import { transitionsOf, type TransitionTable } from '../core/state-machine.ts';
import type { ResourceBase } from '../store/resource-store.ts';

// The instance record as the engine stores it; its vocabulary (statuses, task and power states,
// actions) and its lifecycle table come from `@sandcloud/domain`.

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
  /** Free text (Nova 2.19's description); absent on records written before it existed. */
  description?: string;
  /** Nova server metadata: key/value tags (limits in `@sandcloud/domain`); absent on older records. */
  metadata?: Record<string, string>;
  /** User data (cloud-init): the guest runs a `#!/bin/bash` script or `#cloud-config` on its first boot. */
  userData?: string;
  /** While a resize waits in VERIFY_RESIZE: the flavor a revert goes back to (Nova's old_flavor). */
  resizeFrom?: { flavorId: string; vcpus: number; ramMb: number } | null;
  /** Nova's lock: while set, the instance refuses every action but from an administrator. */
  locked?: InstanceLock | null;
  /** Nova's reservation id: the instances one create request made share it. */
  reservationId?: string;
  /** The volume the instance boots from (Nova's boot from volume); its root disk lives there. */
  bootVolumeId?: string | null;
}

/** Who locked an instance, and why. Only an administrator unlocks what an administrator locked. */
export interface InstanceLock {
  byUserId: string;
  byAdmin: boolean;
  reason: string | null;
}

/** Which actions each status allows (the lifecycle table's from-states). A task in flight blocks every action (see `InstanceService`). */
export const INSTANCE_TRANSITIONS: TransitionTable<InstanceStatus, InstanceAction> = transitionsOf(INSTANCE_LIFECYCLE);

import {
  BULK_INSTANCE_ACTIONS,
  CONNECTIVITY_TESTS,
  CONSOLE_LOG_MAX_LINES,
  DESCRIPTION_MAX_LENGTH,
  INSTANCE_METADATA_MAX_ITEMS,
  INSTANCE_NAME_MAX_LENGTH,
  instanceMetadataKeyProblem,
  instanceMetadataValueProblem,
  INSTANCE_POWER_ACTIONS,
  MAX_INSTANCE_COUNT,
  MAX_ROOT_DISK_GB,
  MIN_ROOT_DISK_GB,
  USER_DATA_MAX_BYTES,
  userDataTooLarge,
  type ConnectivityTest,
  type InstanceAction,
  type InstanceStatus,
  type InstanceTaskState,
  type PowerState,
} from '@sandcloud/domain';
import { z } from 'zod';
import { resourceNameSchema } from './common.ts';
import { zoneSchema } from './catalog.ts';

export const createInstanceRequestSchema = z.strictObject({
  name: resourceNameSchema.max(INSTANCE_NAME_MAX_LENGTH, `Instance names have at most ${INSTANCE_NAME_MAX_LENGTH} characters`),
  imageId: z.string().min(1, 'Choose an image'),
  flavorId: z.string().min(1, 'Choose a flavor'),
  zone: zoneSchema,
  rootDiskGb: z
    .number({ error: 'Enter the root disk size in GB' })
    .int('Disk sizes are whole GB')
    .min(MIN_ROOT_DISK_GB)
    .max(MAX_ROOT_DISK_GB, `Root disks are at most ${MAX_ROOT_DISK_GB} GB (1 TB)`),
  count: z
    .number({ error: 'Enter how many instances to create' })
    .int()
    .min(1, 'Create at least 1 instance')
    .max(MAX_INSTANCE_COUNT, `Create at most ${MAX_INSTANCE_COUNT} instances at once`),
  keyName: z.string().min(1, 'Choose or create a key pair'),
  securityGroupIds: z.array(z.string()).min(1, 'Choose at least one security group'),
  networkId: z.string().min(1, 'Choose a network'),
  /** The subnet of the network to launch into (its first when absent). */
  subnetId: z.string().min(1).optional(),
  /** The first interface's fixed IP (one instance only). */
  fixedIp: z.ipv4({ error: 'Enter an IPv4 address' }).optional(),
  /** More network interfaces, one per entry. */
  extraNetworks: z
    .array(z.strictObject({ networkId: z.string().min(1).optional(), subnetId: z.string().min(1).optional(), fixedIp: z.ipv4({ error: 'Enter an IPv4 address' }).optional() }))
    .max(4, 'An instance has at most 5 network interfaces')
    .optional(),
  /** A cloud-init script (`#!/bin/bash`) the guest runs as root on its first boot. */
  userData: z
    .string()
    .refine((value) => !userDataTooLarge(value), `User data is at most ${USER_DATA_MAX_BYTES / 1024} KiB`)
    .optional(),
});
export type CreateInstanceRequest = z.infer<typeof createInstanceRequestSchema>;

export const instanceActionRequestSchema = z.strictObject({
  action: z.enum(INSTANCE_POWER_ACTIONS, { error: `Action is one of ${INSTANCE_POWER_ACTIONS.join(', ')}` }),
});

/** `POST /instances/:id/resize`: the new flavor (the engine refuses the same one, 400). */
export const resizeInstanceRequestSchema = z.strictObject({
  flavorId: z.string({ error: 'Choose a flavor' }).min(1, 'Choose a flavor'),
});
export type ResizeInstanceRequest = z.infer<typeof resizeInstanceRequestSchema>;

/** `POST /instances/:id/rebuild`: the image of the new root disk, and optionally another key pair. */
export const rebuildInstanceRequestSchema = z.strictObject({
  imageId: z.string({ error: 'Choose an image' }).min(1, 'Choose an image'),
  keyName: z.string().optional(),
});
export type RebuildInstanceRequest = z.infer<typeof rebuildInstanceRequestSchema>;

/** `GET /instances/:id/console-log?lines=`: the last N lines only (all when absent). */
export const consoleLogQuerySchema = z.strictObject({
  lines: z.coerce.number({ error: 'lines is a whole number' }).int('lines is a whole number').min(1, 'lines is at least 1').max(CONSOLE_LOG_MAX_LINES).optional(),
});

export interface ConsoleLogDto {
  /** The serial console's text: boot messages, then cloud-init's output (empty before the first boot). */
  output: string;
  /** True while it may still grow: the instance is building or its user data has not finished. */
  live: boolean;
}

export const bulkInstanceActionRequestSchema = z.strictObject({
  action: z.enum(BULK_INSTANCE_ACTIONS, { error: `Action is one of ${BULK_INSTANCE_ACTIONS.join(', ')}` }),
  instanceIds: z.array(z.string()).min(1, 'Select at least one instance').max(100),
});

export const updateInstanceSecurityGroupsSchema = z.strictObject({
  securityGroupIds: z.array(z.string()).min(1, 'Keep at least one security group'),
});

/** Instance metadata (key/value tags) with Nova's limits from `@sandcloud/domain`. */
export const instanceMetadataSchema = z
  .record(z.string(), z.string({ error: 'Metadata values are text' }), { error: 'Metadata is an object of text values' })
  .superRefine((metadata, ctx) => {
    if (Object.keys(metadata).length > INSTANCE_METADATA_MAX_ITEMS) {
      ctx.addIssue({ code: 'custom', message: `An instance has at most ${INSTANCE_METADATA_MAX_ITEMS} metadata items` });
      return;
    }
    for (const [key, value] of Object.entries(metadata)) {
      const problem = instanceMetadataKeyProblem(key) ?? instanceMetadataValueProblem(key, value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [key] });
    }
  });

/** `PATCH /instances/:id`: rename, describe, retag (metadata replaces the whole map). Absent fields stay. */
export const updateInstanceRequestSchema = z.strictObject({
  name: resourceNameSchema.max(INSTANCE_NAME_MAX_LENGTH, `Instance names have at most ${INSTANCE_NAME_MAX_LENGTH} characters`).optional(),
  description: z.string().max(DESCRIPTION_MAX_LENGTH, `Descriptions have at most ${DESCRIPTION_MAX_LENGTH} characters`).optional(),
  metadata: instanceMetadataSchema.optional(),
});
export type UpdateInstanceRequest = z.infer<typeof updateInstanceRequestSchema>;

export interface InstanceDto {
  id: string;
  name: string;
  status: InstanceStatus;
  /** An operation in flight (powering-off, powering-on, deleting, image_snapshot), or null. */
  taskState: InstanceTaskState;
  /** Nova's lock: actions are refused (409 `instance.locked`) until it is unlocked. */
  locked?: boolean;
  /** Nova's power state: RUNNING, SHUTDOWN, NOSTATE. */
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
  networkName: string;
  portId: string | null;
  privateIp: string | null;
  floatingIp: string | null;
  floatingIpId: string | null;
  securityGroups: { id: string; name: string }[];
  description: string;
  /** Key/value tags (Nova server metadata). */
  metadata: Record<string, string>;
  /** While a resize waits in VERIFY_RESIZE: the flavor a revert returns to; null otherwise. */
  resizeFromFlavorId: string | null;
  /** What the action menu may offer now; the API refuses the rest with 409. */
  allowedActions: InstanceAction[];
  createdAt: string;
  updatedAt: string;
}

export interface ResourceHistoryEntryDto {
  at: string;
  /** The status the resource moved to (any kind's), or null for a note. */
  status: string | null;
  message: string;
}

export const connectivityTestRequestSchema = z.strictObject({
  test: z.enum(CONNECTIVITY_TESTS, { error: `Test is one of ${CONNECTIVITY_TESTS.join(', ')}` }),
  /** The outside address the traffic comes from; any Internet address by default. */
  sourceIp: z.ipv4({ error: 'Enter an IPv4 address' }).optional(),
});
export type ConnectivityTestRequest = z.infer<typeof connectivityTestRequestSchema>;

export interface ConnectivityVerdictDto {
  test: ConnectivityTest;
  target: string;
  allowed: boolean;
  reason: {
    code: 'NO_FLOATING_IP' | 'NO_INTERNET_GATEWAY' | 'INSTANCE_NOT_RUNNING' | 'NO_MATCHING_RULE' | 'ALLOWED_BY_RULE' | 'NO_LISTENER';
    message: string;
    rule?: { groupName: string; ruleId: string; summary: string };
  };
  /** For ping: the lines a terminal would print. */
  transcript: string[];
}

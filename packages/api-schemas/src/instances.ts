import { z } from 'zod';
import { resourceNameSchema } from './common.ts';
import { zoneSchema } from './catalog.ts';

export const MAX_ROOT_DISK_GB = 1024;
export const MAX_INSTANCE_COUNT = 10;

export const createInstanceRequestSchema = z.strictObject({
  name: resourceNameSchema.max(63, 'Instance names have at most 63 characters'),
  imageId: z.string().min(1, 'Choose an image'),
  flavorId: z.string().min(1, 'Choose a flavor'),
  zone: zoneSchema,
  rootDiskGb: z
    .number({ error: 'Enter the root disk size in GB' })
    .int('Disk sizes are whole GB')
    .min(1)
    .max(MAX_ROOT_DISK_GB, `Root disks are at most ${MAX_ROOT_DISK_GB} GB (1 TB)`),
  count: z
    .number({ error: 'Enter how many instances to create' })
    .int()
    .min(1, 'Create at least 1 instance')
    .max(MAX_INSTANCE_COUNT, `Create at most ${MAX_INSTANCE_COUNT} instances at once`),
  keyName: z.string().min(1, 'Choose or create a key pair'),
  securityGroupIds: z.array(z.string()).min(1, 'Choose at least one security group'),
  networkId: z.string().min(1, 'Choose a network'),
});
export type CreateInstanceRequest = z.infer<typeof createInstanceRequestSchema>;

export const INSTANCE_ACTIONS = ['stop', 'start', 'reboot', 'hard-reboot', 'delete', 'create_image', 'change_security_groups'] as const;
export type InstanceAction = (typeof INSTANCE_ACTIONS)[number];

export const instanceActionRequestSchema = z.strictObject({
  action: z.enum(['stop', 'start', 'reboot', 'hard-reboot'], { error: 'Action is one of stop, start, reboot, hard-reboot' }),
});

export const bulkInstanceActionRequestSchema = z.strictObject({
  action: z.enum(['stop', 'start', 'delete'], { error: 'Action is one of stop, start, delete' }),
  instanceIds: z.array(z.string()).min(1, 'Select at least one instance').max(100),
});

export const updateInstanceSecurityGroupsSchema = z.strictObject({
  securityGroupIds: z.array(z.string()).min(1, 'Keep at least one security group'),
});

export interface InstanceDto {
  id: string;
  name: string;
  status: string;
  /** An operation in flight (powering-off, powering-on, deleting, image_snapshot), or null. */
  taskState: string | null;
  /** Nova's power state: RUNNING, SHUTDOWN, NOSTATE. */
  powerState: string;
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
  /** What the action menu may offer now; the API refuses the rest with 409. */
  allowedActions: InstanceAction[];
  createdAt: string;
  updatedAt: string;
}

export interface ResourceHistoryEntryDto {
  at: string;
  status: string | null;
  message: string;
}

export const CONNECTIVITY_TESTS = ['ping', 'ssh', 'http'] as const;
export const connectivityTestRequestSchema = z.strictObject({
  test: z.enum(CONNECTIVITY_TESTS, { error: 'Test is one of ping, ssh, http' }),
  /** The outside address the traffic comes from; any Internet address by default. */
  sourceIp: z.ipv4({ error: 'Enter an IPv4 address' }).optional(),
});
export type ConnectivityTestRequest = z.infer<typeof connectivityTestRequestSchema>;

export interface ConnectivityVerdictDto {
  test: (typeof CONNECTIVITY_TESTS)[number];
  target: string;
  allowed: boolean;
  reason: {
    code: 'NO_FLOATING_IP' | 'INSTANCE_NOT_RUNNING' | 'NO_MATCHING_RULE' | 'ALLOWED_BY_RULE' | 'NO_LISTENER';
    message: string;
    rule?: { groupName: string; ruleId: string; summary: string };
  };
  /** For ping: the lines a terminal would print. */
  transcript: string[];
}

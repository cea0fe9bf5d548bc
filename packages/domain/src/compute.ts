// Nova's vocabulary for instances, written once: the engine stores these values, the API schemas
// validate and type them, the console colours and offers actions from them. Lifecycle tables
// (which action moves which status where) live in `lifecycles/`; this file only names things.

/**
 * Nova server statuses Sandcloud produces, in the order the console's status filter offers them.
 * HARD_REBOOT is the status while a hard reboot runs.
 */
export const INSTANCE_STATUSES = ['ACTIVE', 'BUILD', 'SHUTOFF', 'REBOOT', 'HARD_REBOOT', 'ERROR'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** Statuses an instance passes through on its way to a steady one (the console shows them as busy). */
export const INSTANCE_TRANSITIONAL_STATUSES = ['BUILD', 'REBOOT', 'HARD_REBOOT'] as const satisfies readonly InstanceStatus[];

/** Nova task states: an operation in flight on an otherwise steady status (null when none). */
export const INSTANCE_TASK_STATES = ['powering-off', 'powering-on', 'deleting', 'image_snapshot'] as const;
export type InstanceTaskState = (typeof INSTANCE_TASK_STATES)[number] | null;

/** Nova power states. */
export const POWER_STATES = ['RUNNING', 'SHUTDOWN', 'NOSTATE'] as const;
export type PowerState = (typeof POWER_STATES)[number];

/** Everything a user may ask of an instance; `allowedActions` in a DTO is a subset. */
export const INSTANCE_ACTIONS = ['stop', 'start', 'reboot', 'hard-reboot', 'delete', 'create_image', 'change_security_groups'] as const;
export type InstanceAction = (typeof INSTANCE_ACTIONS)[number];

/** Actions of `POST /instances/:id/action` (the power actions of the action menu). */
export const INSTANCE_POWER_ACTIONS = ['stop', 'start', 'reboot', 'hard-reboot'] as const satisfies readonly InstanceAction[];
export type InstancePowerAction = (typeof INSTANCE_POWER_ACTIONS)[number];

/** Actions applied to several selected instances at once. */
export const BULK_INSTANCE_ACTIONS = ['stop', 'start', 'delete'] as const satisfies readonly InstanceAction[];
export type BulkInstanceAction = (typeof BULK_INSTANCE_ACTIONS)[number];

/** Instance statuses a volume may be attached to or detached from (and only with no task in flight). */
export const VOLUME_ATTACHABLE_INSTANCE_STATUSES: readonly InstanceStatus[] = ['ACTIVE', 'SHUTOFF'];

/** How many instances one launch may create (name-1, name-2…). */
export const MAX_INSTANCE_COUNT = 10;
/** Root disk sizes in GB; the image's minimum disk raises the lower bound. */
export const MIN_ROOT_DISK_GB = 1;
export const MAX_ROOT_DISK_GB = 1024;
/** Instance names are host names: at most 63 characters. */
export const INSTANCE_NAME_MAX_LENGTH = 63;

/** Connectivity tests a user can run against an instance from the Internet. */
export const CONNECTIVITY_TESTS = ['ping', 'ssh', 'http'] as const;
export type ConnectivityTest = (typeof CONNECTIVITY_TESTS)[number];

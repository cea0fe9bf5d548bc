// Nova's vocabulary for instances, written once: the engine stores these values, the API schemas
// validate and type them, the console colours and offers actions from them. Lifecycle tables
// (which action moves which status where) live in `lifecycles/`; this file only names things.

/**
 * Nova server statuses Sandcloud produces, in the order the console's status filter offers them.
 * HARD_REBOOT is the status while a hard reboot runs; RESIZE → VERIFY_RESIZE (waiting for confirm
 * or revert) → REVERT_RESIZE are a resize's, REBUILD a rebuild's.
 */
export const INSTANCE_STATUSES = ['ACTIVE', 'BUILD', 'SHUTOFF', 'REBOOT', 'HARD_REBOOT', 'ERROR', 'RESIZE', 'VERIFY_RESIZE', 'REVERT_RESIZE', 'REBUILD'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** Statuses an instance passes through on its way to a steady one (the console shows them as busy). */
export const INSTANCE_TRANSITIONAL_STATUSES = ['BUILD', 'REBOOT', 'HARD_REBOOT', 'RESIZE', 'REVERT_RESIZE', 'REBUILD'] as const satisfies readonly InstanceStatus[];

/** Nova task states: an operation in flight on an otherwise steady status (null when none). */
export const INSTANCE_TASK_STATES = ['powering-off', 'powering-on', 'deleting', 'image_snapshot', 'resize_confirming'] as const;
export type InstanceTaskState = (typeof INSTANCE_TASK_STATES)[number] | null;

/** Nova power states. */
export const POWER_STATES = ['RUNNING', 'SHUTDOWN', 'NOSTATE'] as const;
export type PowerState = (typeof POWER_STATES)[number];

/** Everything a user may ask of an instance; `allowedActions` in a DTO is a subset. */
export const INSTANCE_ACTIONS = [
  'stop',
  'start',
  'reboot',
  'hard-reboot',
  'resize',
  'confirm_resize',
  'revert_resize',
  'rebuild',
  'delete',
  'create_image',
  'change_security_groups',
  'update',
] as const;
export type InstanceAction = (typeof INSTANCE_ACTIONS)[number];

/** Actions of `POST /instances/:id/action` (the power actions of the action menu). */
export const INSTANCE_POWER_ACTIONS = ['stop', 'start', 'reboot', 'hard-reboot'] as const satisfies readonly InstanceAction[];
export type InstancePowerAction = (typeof INSTANCE_POWER_ACTIONS)[number];

/** Actions applied to several selected instances at once. */
export const BULK_INSTANCE_ACTIONS = ['stop', 'start', 'delete', 'reboot'] as const satisfies readonly InstanceAction[];
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

/**
 * Instance metadata (Nova's server metadata: key/value tags): Nova's limits. Keys are letters,
 * digits, spaces and `-_:.`; at most 128 items (Nova's `metadata_items` quota).
 */
export const INSTANCE_METADATA_KEY_MAX_LENGTH = 255;
export const INSTANCE_METADATA_VALUE_MAX_LENGTH = 255;
export const INSTANCE_METADATA_MAX_ITEMS = 128;
export const INSTANCE_METADATA_KEY_PATTERN = /^[A-Za-z0-9_:. -]+$/;

/** User data (a cloud-init script) is at most 64 KiB, counted in UTF-8 bytes. */
export const USER_DATA_MAX_BYTES = 64 * 1024;
export const userDataTooLarge = (userData: string): boolean => new TextEncoder().encode(userData).length > USER_DATA_MAX_BYTES;

/** Nova's `os-getConsoleOutput` and the console's log tab show at most this many lines. */
export const CONSOLE_LOG_MAX_LINES = 10_000;

/** Connectivity tests a user can run against an instance from the Internet. */
export const CONNECTIVITY_TESTS = ['ping', 'ssh', 'http'] as const;
export type ConnectivityTest = (typeof CONNECTIVITY_TESTS)[number];

/** Why a metadata key or value is refused, or null; the engine, the API schemas and the console ask this. */
export function instanceMetadataKeyProblem(key: string): string | null {
  if (key.length === 0) return 'Metadata keys are not empty';
  if (key.length > INSTANCE_METADATA_KEY_MAX_LENGTH) return `Metadata keys have at most ${INSTANCE_METADATA_KEY_MAX_LENGTH} characters`;
  if (!INSTANCE_METADATA_KEY_PATTERN.test(key)) return `Metadata key "${key}" may contain only letters, digits, spaces and - _ : .`;
  return null;
}

export function instanceMetadataValueProblem(key: string, value: string): string | null {
  if (value.length > INSTANCE_METADATA_VALUE_MAX_LENGTH) return `The value of "${key}" has more than ${INSTANCE_METADATA_VALUE_MAX_LENGTH} characters`;
  return null;
}

/** Why a whole metadata map is refused (a bad key or value, or too many items), or null. */
export function instanceMetadataProblem(metadata: Readonly<Record<string, string>>): string | null {
  const entries = Object.entries(metadata);
  if (entries.length > INSTANCE_METADATA_MAX_ITEMS) return `An instance has at most ${INSTANCE_METADATA_MAX_ITEMS} metadata items`;
  for (const [key, value] of entries) {
    const problem = instanceMetadataKeyProblem(key) ?? instanceMetadataValueProblem(key, value);
    if (problem) return problem;
  }
  return null;
}

// Nova server groups: the placement policy a group records for its members.

/** Nova 2.1's policies (a group has exactly one). */
export const SERVER_GROUP_POLICIES = ['affinity', 'anti-affinity', 'soft-affinity', 'soft-anti-affinity'] as const;
export type ServerGroupPolicy = (typeof SERVER_GROUP_POLICIES)[number];

export const isServerGroupPolicy = (value: string): value is ServerGroupPolicy => (SERVER_GROUP_POLICIES as readonly string[]).includes(value);

/** Nova's name limit for a server group. */
export const SERVER_GROUP_NAME_MAX_LENGTH = 255;

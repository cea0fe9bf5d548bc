import type { ServerGroupPolicy } from '@sandcloud/domain';
import type { ResourceBase } from '../store/resource.ts';

/** A Nova server group: a name, its placement policy, and the instances launched into it. */
export interface ServerGroup extends ResourceBase {
  policy: ServerGroupPolicy;
  /** Ids of the project's instances launched with this group (`scheduler_hints.group`). */
  memberIds: string[];
}

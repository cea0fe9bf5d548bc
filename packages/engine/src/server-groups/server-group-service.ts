import { isServerGroupPolicy, SERVER_GROUP_NAME_MAX_LENGTH, SERVER_GROUP_POLICIES } from '@sandcloud/domain';
import { invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Store } from '../store/kinds.ts';
import type { ServerGroup } from './server-group.ts';


/**
 * Nova server groups. Sandcloud records a group's policy and its members; it does not place
 * instances on hosts (a zone is one host), so the policy is recorded, not enforced.
 */
export class ServerGroupService {
  constructor(private readonly store: Store) {}

  list(projectId: string): ServerGroup[] {
    return this.store.list<ServerGroup>('server-group', projectId);
  }

  get(projectId: string, id: string): ServerGroup {
    const group = this.store.get<ServerGroup>('server-group', id);
    if (!group || group.projectId !== projectId) throw notFound('server group', id);
    return group;
  }

  /** Names may repeat, as in Nova; the policy is one of `SERVER_GROUP_POLICIES`. */
  create(projectId: string, input: { name: string; policy: string }): ServerGroup {
    const name = input.name.trim();
    if (name === '' || name.length > SERVER_GROUP_NAME_MAX_LENGTH) throw invalidInput(`A server group's name has 1 to ${SERVER_GROUP_NAME_MAX_LENGTH} characters`, 'name').coded('serverGroup.nameLength', { max: SERVER_GROUP_NAME_MAX_LENGTH });
    if (!isServerGroupPolicy(input.policy)) throw invalidInput(`No policy ${input.policy}; choose one of ${SERVER_GROUP_POLICIES.join(', ')}`, 'policy').coded('input.oneOf', { field: 'policy', allowed: SERVER_GROUP_POLICIES.join(', ') });
    const policy = input.policy;
    return this.store.transaction(() => this.store.insert<ServerGroup>('server-group', { id: newId(), projectId, name, status: 'active', policy, memberIds: [] }));
  }

  /** Deleting a group leaves its instances running (they only lose the membership). */
  delete(projectId: string, id: string): void {
    this.store.transaction(() => this.store.delete('server-group', this.get(projectId, id)));
  }

  /** Records instances launched into the group. */
  addMembers(projectId: string, id: string, instanceIds: string[]): ServerGroup {
    return this.store.transaction(() => {
      const group = this.get(projectId, id);
      return this.store.update<ServerGroup>('server-group', group, { memberIds: [...new Set([...group.memberIds, ...instanceIds])] });
    });
  }

  /** An instance that is deleted leaves its groups. */
  removeInstance(instance: { id: string; projectId: string | null }): void {
    if (!instance.projectId) return;
    for (const group of this.list(instance.projectId)) {
      if (group.memberIds.includes(instance.id)) this.store.update<ServerGroup>('server-group', group, { memberIds: group.memberIds.filter((id) => id !== instance.id) });
    }
  }
}

import { conflict, EngineError, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { QuotaGuard } from '../catalog/quota-guard.ts';
import type { Store } from '../store/kinds.ts';
import type { SecurityGroup } from './security-group.ts';
import { describeRule } from '../network/reachability.ts';
import {
  defaultSecurityGroupRules,
  findDuplicateRule,
  normalizeRule,
  validateRule,
  type SecurityGroupRule,
  type SecurityGroupRuleDraft,
} from '@sandcloud/domain';

export type { SecurityGroup } from './security-group.ts';

export const DEFAULT_GROUP_NAME = 'default';

/** A group as rule evaluation sees it: its id, its name (for messages) and its rules. */
export interface SecurityGroupRuleset {
  id: string;
  name: string;
  rules: SecurityGroupRule[];
}

/** A project's groups by id, to resolve many ports' group ids against one listing. */
export function groupsById(groups: readonly SecurityGroup[]): ReadonlyMap<string, SecurityGroup> {
  return new Map(groups.map((group) => [group.id, group]));
}

/**
 * The rulesets of `ids`, in their order, among `groups`; ids that no longer resolve are skipped, as
 * Neutron drops a deleted group from its ports.
 */
export function rulesetsAmong(groups: ReadonlyMap<string, SecurityGroup>, ids: readonly string[]): SecurityGroupRuleset[] {
  return ids.flatMap((id) => {
    const group = groups.get(id);
    return group ? [{ id: group.id, name: group.name, rules: group.rules }] : [];
  });
}

/** Neutron security groups; rules live inside their group so a group and its rules change atomically. */
export class SecurityGroupService {
  /** Tells whether a group is used by a port (instances, load balancers); set by the network wiring. */
  private usedBy: (groupId: string) => number = () => 0;

  constructor(
    private readonly store: Store,
    private readonly quotas: QuotaGuard,
  ) {}

  countUsers(usedBy: (groupId: string) => number): void {
    this.usedBy = usedBy;
  }

  instanceCount(groupId: string): number {
    return this.usedBy(groupId);
  }

  /** The `default` group: egress anywhere, ingress only from members of the group itself. */
  createDefault(projectId: string): SecurityGroup {
    const id = newId();
    return this.store.insert('security-group', {
      id,
      projectId,
      name: DEFAULT_GROUP_NAME,
      status: 'ACTIVE',
      description: 'Default security group',
      rules: defaultSecurityGroupRules(id),
    });
  }

  list(projectId: string): SecurityGroup[] {
    return this.store.list('security-group', projectId);
  }

  get(projectId: string, id: string): SecurityGroup {
    const group = this.store.get('security-group', id);
    if (!group || group.projectId !== projectId) throw notFound('security group', id);
    return group;
  }

  /**
   * The groups (with their rules) a port or instance is in, for rule evaluation; ids that no
   * longer resolve are skipped, as Neutron drops a deleted group from its ports.
   */
  rulesetsOf(projectId: string | null, ids: readonly string[]): SecurityGroupRuleset[] {
    if (!projectId) return [];
    return rulesetsAmong(groupsById(this.list(projectId)), ids);
  }

  /** Resolves ids sent by a client, naming the first unknown one. */
  getMany(projectId: string, ids: string[], field = 'securityGroupIds'): SecurityGroup[] {
    return [...new Set(ids)].map((id) => {
      const group = this.store.get('security-group', id);
      if (!group || group.projectId !== projectId) throw invalidInput(`No security group with id ${id} in this project`, field).coded('resource.notInProject', { kind: 'security group', id });
      return group;
    });
  }

  create(projectId: string, input: { name: string; description: string }): SecurityGroup {
    return this.store.transaction(() => {
      this.assertNameFree(projectId, input.name);
      this.quotas.assertRoom(projectId, 'securityGroups', 1);
      const id = newId();
      // New groups start like OpenStack's: egress open, no ingress.
      const egress = defaultSecurityGroupRules(id).filter((rule) => rule.direction === 'egress');
      this.quotas.assertRoom(projectId, 'securityGroupRules', egress.length);
      return this.store.insert('security-group', {
        id,
        projectId,
        name: input.name,
        status: 'ACTIVE',
        description: input.description,
        rules: egress,
      });
    });
  }

  update(projectId: string, id: string, changes: { name?: string | undefined; description?: string | undefined }): SecurityGroup {
    return this.store.transaction(() => {
      const group = this.get(projectId, id);
      if (changes.name !== undefined && changes.name !== group.name) {
        if (group.name === DEFAULT_GROUP_NAME) throw conflict('The default security group cannot be renamed', 'name').coded('securityGroup.defaultRename');
        this.assertNameFree(projectId, changes.name);
      }
      return this.store.update('security-group', group, {
        name: changes.name ?? group.name,
        description: changes.description ?? group.description,
      });
    });
  }

  delete(projectId: string, id: string): void {
    this.store.transaction(() => {
      const group = this.get(projectId, id);
      if (group.name === DEFAULT_GROUP_NAME) throw conflict('The default security group cannot be deleted').coded('securityGroup.defaultDelete');
      const users = this.usedBy(group.id);
      if (users > 0) throw conflict(`Security group ${group.name} is in use by ${users} port(s); remove it from them first`).coded('securityGroup.inUse', { name: group.name, count: users });
      const referencing = this.list(projectId).find((other) => other.id !== id && other.rules.some((r) => r.remoteGroupId === id));
      if (referencing) throw conflict(`Security group ${group.name} is the remote of a rule in ${referencing.name}; delete that rule first`).coded('securityGroup.remoteOfRule', { name: group.name, group: referencing.name });
      this.store.delete('security-group', group);
    });
  }

  addRule(projectId: string, groupId: string, draft: SecurityGroupRuleDraft & { description?: string }): SecurityGroupRule {
    const problems = validateRule(draft);
    if (problems.length > 0) throw invalidInput(problems[0]!.message, problems[0]!.field).coded('securityGroup.ruleInvalid', { detail: problems[0]!.message });
    return this.store.transaction(() => {
      const group = this.get(projectId, groupId);
      if (draft.remoteGroupId) this.getMany(projectId, [draft.remoteGroupId], 'remoteGroupId');
      const normalized = normalizeRule({ ...draft, description: draft.description ?? '' });
      const duplicate = findDuplicateRule(group.rules, normalized);
      if (duplicate) {
        throw new EngineError('CONFLICT', `Security group ${group.name} already has this rule: ${describeRule(duplicate, (id) => this.nameOf(id))}`).coded('securityGroup.duplicateRule', { name: group.name, rule: describeRule(duplicate, (id) => this.nameOf(id)) });
      }
      this.quotas.assertRoom(projectId, 'securityGroupRules', 1);
      const rule: SecurityGroupRule = { ...normalized, id: newId(), securityGroupId: group.id, description: normalized.description ?? '' };
      this.store.update('security-group', group, { rules: [...group.rules, rule] }, `Rule added: ${describeRule(rule, (id) => this.nameOf(id))}`);
      return rule;
    });
  }

  deleteRule(projectId: string, groupId: string, ruleId: string): void {
    this.store.transaction(() => {
      const group = this.get(projectId, groupId);
      const rule = group.rules.find((r) => r.id === ruleId);
      if (!rule) throw notFound('security group rule', ruleId);
      this.store.update<SecurityGroup>(
        'security-group',
        group,
        { rules: group.rules.filter((r) => r.id !== ruleId) },
        `Rule deleted: ${describeRule(rule, (id) => this.nameOf(id))}`,
      );
    });
  }

  ruleCount(projectId: string): number {
    return this.list(projectId).reduce((sum, group) => sum + group.rules.length, 0);
  }

  nameOf(groupId: string): string | undefined {
    return this.store.get('security-group', groupId)?.name;
  }

  private assertNameFree(projectId: string, name: string): void {
    if (this.store.findByName('security-group', projectId, name)) {
      throw conflict(`A security group named ${name} already exists`, 'name').coded('name.taken', { kind: 'security group', name });
    }
  }
}

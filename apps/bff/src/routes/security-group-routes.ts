import { RULE_TEMPLATES, type SecurityGroupRule } from '@sandcloud/domain';
import { describeRule, type Engine, type SecurityGroup } from '@sandcloud/engine';
import {
  createSecurityGroupRequestSchema,
  createSecurityGroupRuleRequestSchema,
  updateSecurityGroupRequestSchema,
  type RuleTemplateDto,
  type SecurityGroupDto,
  type SecurityGroupRuleDto,
} from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { listPage, listSpec, resourceListSpec } from './paginate.ts';

export function securityGroupRoutes(engine: Engine): Router {
  const router = Router();
  const { securityGroups } = engine.modules;
  const nameOf = (id: string) => securityGroups.nameOf(id);

  const ruleDto = (rule: SecurityGroupRule): SecurityGroupRuleDto => ({
    ...rule,
    remoteGroupName: rule.remoteGroupId ? (nameOf(rule.remoteGroupId) ?? null) : null,
    summary: describeRule(rule, nameOf),
  });

  const dto = (group: SecurityGroup): SecurityGroupDto => ({
    id: group.id,
    name: group.name,
    description: group.description,
    isDefault: group.name === 'default',
    instanceCount: securityGroups.instanceCount(group.id),
    createdAt: iso(group.createdAt)!,
    rules: group.rules.map(ruleDto),
  });

  /** A rule's remote as the table shows it: a CIDR, or the remote group's name. */
  const remoteOf = (rule: SecurityGroupRule) => rule.remoteIpPrefix ?? (rule.remoteGroupId ? (nameOf(rule.remoteGroupId) ?? rule.remoteGroupId) : null);
  const rulesSpec = listSpec<SecurityGroupRule, 'security-group-rules'>('security-group-rules', {
    id: (rule) => rule.id,
    sort: {
      direction: (rule) => rule.direction,
      etherType: (rule) => rule.etherType,
      protocol: (rule) => rule.protocol,
      portRangeMin: (rule) => rule.portRangeMin,
      remote: remoteOf,
    },
    search: (rule) => [rule.id, rule.protocol, rule.description, remoteOf(rule), rule.portRangeMin === null ? null : String(rule.portRangeMin), describeRule(rule, nameOf)],
    filters: { direction: (rule) => rule.direction, etherType: (rule) => rule.etherType, protocol: (rule) => rule.protocol },
  });
  const DIRECTION_ORDER = { ingress: 0, egress: 1 } as const;

  router.get('/security-group-rule-templates', (_req, res) => {
    res.json(RULE_TEMPLATES.map((t): RuleTemplateDto => ({ ...t })));
  });

  router.get('/security-groups', (req, res) => {
    const spec = resourceListSpec<SecurityGroup, 'security-groups'>('security-groups', { sort: { ruleCount: (group) => group.rules.length }, search: (group) => [group.description],
      filters: { isDefault: (group) => String(group.name === 'default') },
    });
    res.json(listPage(securityGroups.list(currentProject(req).id), req.query, spec, dto));
  });

  router.post('/security-groups', (req, res) => {
    res.status(201).json(dto(securityGroups.create(currentProject(req).id, parseInput(createSecurityGroupRequestSchema, req.body))));
  });

  router.get('/security-groups/:groupId', (req, res) => {
    res.json(dto(securityGroups.get(currentProject(req).id, String(req.params.groupId))));
  });

  router.patch('/security-groups/:groupId', (req, res) => {
    const changes = parseInput(updateSecurityGroupRequestSchema, req.body);
    res.json(dto(securityGroups.update(currentProject(req).id, String(req.params.groupId), changes)));
  });

  router.delete('/security-groups/:groupId', (req, res) => {
    securityGroups.delete(currentProject(req).id, String(req.params.groupId));
    res.status(204).end();
  });

  /** A group's rules, one page: ingress first unless the view sorts otherwise. */
  router.get('/security-groups/:groupId/rules', (req, res) => {
    const rules = [...securityGroups.get(currentProject(req).id, String(req.params.groupId)).rules].sort(
      (a, b) => DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] || a.etherType.localeCompare(b.etherType),
    );
    res.json(listPage(rules, req.query, rulesSpec, ruleDto));
  });

  router.post('/security-groups/:groupId/rules', (req, res) => {
    const draft = parseInput(createSecurityGroupRuleRequestSchema, req.body);
    const projectId = currentProject(req).id;
    securityGroups.addRule(projectId, String(req.params.groupId), draft);
    res.status(201).json(dto(securityGroups.get(projectId, String(req.params.groupId))));
  });

  router.delete('/security-groups/:groupId/rules/:ruleId', (req, res) => {
    securityGroups.deleteRule(currentProject(req).id, String(req.params.groupId), String(req.params.ruleId));
    res.status(204).end();
  });

  return router;
}

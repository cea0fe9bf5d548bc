import { RULE_TEMPLATES } from '@sandcloud/domain';
import { describeRule, type Engine, type SecurityGroup } from '@sandcloud/engine';
import {
  createSecurityGroupRequestSchema,
  createSecurityGroupRuleRequestSchema,
  updateSecurityGroupRequestSchema,
  type RuleTemplateDto,
  type SecurityGroupDto,
} from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { listPage, resourceListSpec } from './paginate.ts';

export function securityGroupRoutes(engine: Engine): Router {
  const router = Router();
  const { securityGroups } = engine.modules;
  const nameOf = (id: string) => securityGroups.nameOf(id);

  const dto = (group: SecurityGroup): SecurityGroupDto => ({
    id: group.id,
    name: group.name,
    description: group.description,
    isDefault: group.name === 'default',
    instanceCount: securityGroups.instanceCount(group.id),
    createdAt: iso(group.createdAt)!,
    rules: group.rules.map((rule) => ({
      ...rule,
      remoteGroupName: rule.remoteGroupId ? (nameOf(rule.remoteGroupId) ?? null) : null,
      summary: describeRule(rule, nameOf),
    })),
  });

  router.get('/security-group-rule-templates', (_req, res) => {
    res.json(RULE_TEMPLATES.map((t): RuleTemplateDto => ({ ...t })));
  });

  router.get('/security-groups', (req, res) => {
    const spec = resourceListSpec<SecurityGroup>({ sort: { ruleCount: (group) => group.rules.length }, search: (group) => [group.description] });
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

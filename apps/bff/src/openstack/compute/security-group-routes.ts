import type { Engine, SecurityGroup } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { osContext } from '../auth.ts';
import { OsError } from '../errors.ts';

/**
 * Nova's read-only proxy of Neutron security groups (`os-security-groups`), which the CLI's
 * `server add/remove security group` still uses to resolve a group's name. Nova shows ingress rules
 * only, in its own rule shape.
 */
export function computeSecurityGroupRoutes(engine: Engine): Router {
  const router = Router();
  const { securityGroups, instances } = engine.modules;
  const projectOf = (req: Request) => osContext(req).project.id;

  const view = (group: SecurityGroup, names: ReadonlyMap<string, string>) => ({
    id: group.id,
    name: group.name,
    description: group.description,
    tenant_id: group.projectId ?? '',
    rules: group.rules
      .filter((rule) => rule.direction === 'ingress')
      .map((rule) => ({
        id: rule.id,
        parent_group_id: group.id,
        ip_protocol: rule.protocol,
        from_port: rule.portRangeMin ?? (rule.protocol === null ? null : rule.protocol === 'icmp' ? -1 : 1),
        to_port: rule.portRangeMax ?? (rule.protocol === null ? null : rule.protocol === 'icmp' ? -1 : 65535),
        ip_range: rule.remoteIpPrefix ? { cidr: rule.remoteIpPrefix } : {},
        group: rule.remoteGroupId ? { name: names.get(rule.remoteGroupId) ?? '', tenant_id: group.projectId ?? '' } : {},
      })),
  });
  const listed = (req: Request) => {
    const groups = securityGroups.list(projectOf(req));
    const names = new Map(groups.map((g) => [g.id, g.name]));
    return { groups, render: (group: SecurityGroup) => view(group, names) };
  };

  router.get('/os-security-groups', (req, res) => {
    const { groups, render } = listed(req);
    res.json({ security_groups: groups.map(render) });
  });
  router.get('/os-security-groups/:id', (req, res) => {
    const { groups, render } = listed(req);
    const group = groups.find((g) => g.id === req.params.id);
    if (!group) throw new OsError(404, `Security group ${String(req.params.id)} not found.`);
    res.json({ security_group: render(group) });
  });
  router.get('/servers/:serverId/os-security-groups', (req, res) => {
    const instance = instances.list(projectOf(req)).find((i) => i.id === req.params.serverId);
    if (!instance) throw new OsError(404, `Instance ${String(req.params.serverId)} could not be found.`);
    const { groups, render } = listed(req);
    res.json({ security_groups: groups.filter((g) => instance.securityGroupIds.includes(g.id)).map(render) });
  });
  return router;
}

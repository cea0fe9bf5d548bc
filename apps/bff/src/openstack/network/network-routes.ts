import { EngineError, type Engine, type Port, type SecurityGroup } from '@sandcloud/engine';
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { osContext, requireScopedToken } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { parseBody } from '../common.ts';
import { errorHandler, notFound, OsError } from '../errors.ts';
import { missing } from './neutron-errors.ts';
import { neutronList, selectFields } from './neutron-list.ts';
import { floatingIpView, networkView, portView, routerView, ruleView, securityGroupView, subnetView } from './network-views.ts';
import { neutronWriteRoutes } from './neutron-write-routes.ts';
import { securityGroupRuleRoutes } from './security-group-rule-routes.ts';

/** The extensions whose attributes and calls Sandcloud really answers. */
const EXTENSIONS = [
  ['external-net', 'Neutron external network', 'Adds external network attribute to network resource.'],
  ['router', 'Neutron L3 Router', 'Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway '],
  ['security-group', 'security-group', 'The security groups extension.'],
  ['quotas', 'Quota management support', 'Expose functions for quotas management per tenant (read only in Sandcloud).'],
  ['port-security', 'Port Security', 'Provides port security.'],
  ['standard-attr-description', 'standard-attr-description', 'Extension to add descriptions to standard attributes'],
  ['standard-attr-timestamp', 'Resource timestamps', 'Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes.'],
  ['standard-attr-revisions', 'Resource revision numbers', 'This extension will display the revision number of neutron resources.'],
  ['stateful-security-group', 'Stateful security group', 'Indicates if the security group is stateful or not'],
].map(([alias, name, description]) => ({ alias, name, description, updated: '2024-01-01T00:00:00-00:00', links: [] }));

const securityGroupSchema = z.strictObject({
  security_group: z.strictObject({
    name: z.string().trim().min(1, "'name' must not be empty").max(255),
    description: z.string().max(255).optional(),
    stateful: z.literal(true, { error: 'Sandcloud security groups are stateful' }).optional(),
    tenant_id: z.string().optional(),
    project_id: z.string().optional(),
  }),
});
const securityGroupUpdateSchema = z.strictObject({
  security_group: z.strictObject({ name: z.string().trim().min(1).max(255).optional(), description: z.string().max(255).optional() }),
});
const floatingIpCreateSchema = z.strictObject({
  floatingip: z.strictObject({
    floating_network_id: z.string().min(1),
    port_id: z.string().nullable().optional(),
    fixed_ip_address: z.string().nullable().optional(),
    description: z.string().max(255).optional(),
    tenant_id: z.string().optional(),
    project_id: z.string().optional(),
  }),
});
const floatingIpUpdateSchema = z.strictObject({
  floatingip: z.strictObject({
    port_id: z.string().nullable().optional(),
    fixed_ip_address: z.string().nullable().optional(),
    description: z.string().max(255).optional(),
  }),
});

/** Neutron v2.0 at /network: networks, subnets, ports and routers read; groups, rules and floating IPs. */
export function networkRoutes(engine: Engine): Router {
  const router = Router();
  const { network, securityGroups, floatingIps } = engine.modules;
  router.use(express.json({ limit: '256kb' }));
  router.get('/', (req, res) => {
    res.json({ versions: [{ status: 'CURRENT', id: 'v2.0', links: [{ href: `${baseUrl(req)}/network/v2.0/`, rel: 'self' }] }] });
  });

  const api = Router();
  api.use(requireScopedToken(engine));
  const projectOf = (req: Request) => osContext(req).project.id;
  const publicNetwork = () => network.ensurePublicNetwork();
  /** The project's networks and the external one floating IPs come from. */
  const networks = (req: Request) => [...network.networks(projectOf(req)), publicNetwork()];
  /** The router a floating IP's port reaches the Internet through (the project's first when unknown). */
  const routerIdOf = (req: Request, portId?: string | null) => {
    const port = portId ? network.getPort(portId) : undefined;
    const routed = port ? network.routersOf(port.subnetId).find((r) => r.externalNetworkId) : undefined;
    return routed?.id ?? network.routers(projectOf(req))[0]?.id ?? null;
  };

  api.get('/', (req, res) => {
    const base = `${baseUrl(req)}/network/v2.0`;
    const resources = ['network', 'subnet', 'port', 'router', 'security_group', 'security_group_rule', 'floatingip', 'quota'];
    res.json({ resources: resources.map((name) => ({ name, collection: `${name}s`, links: [{ rel: 'self', href: `${base}/${name}s` }] })) });
  });
  api.get('/extensions', (_req, res) => res.json({ extensions: EXTENSIONS }));
  api.get('/extensions/:alias', (req, res) => {
    const extension = EXTENSIONS.find((e) => e.alias === req.params.alias);
    if (!extension) throw new OsError(404, `Extension with alias ${String(req.params.alias)} does not exist`, 'HTTPNotFound');
    res.json({ extension });
  });

  api.get('/networks', (req, res) => res.json(neutronList(req, 'networks', networks(req).map(networkView))));
  api.get('/networks/:id', (req, res) => {
    const found = networks(req).find((n) => n.id === req.params.id);
    if (!found) throw missing('Network', String(req.params.id));
    res.json({ network: selectFields(req, networkView(found)) });
  });

  api.get('/subnets', (req, res) => res.json(neutronList(req, 'subnets', network.subnets(projectOf(req)).map(subnetView))));
  api.get('/subnets/:id', (req, res) => {
    // An administrator sees any project's subnet, as in Neutron (Octavia's plugin reads the VIP subnets so).
    const found = network.subnets(projectOf(req)).find((s) => s.id === req.params.id) ?? (osContext(req).user.isAdmin ? network.findSubnetAnyProject(String(req.params.id)) : undefined);
    if (!found) throw missing('Subnet', String(req.params.id));
    res.json({ subnet: selectFields(req, subnetView(found)) });
  });

  /** `?fixed_ips=ip_address=X` / `?fixed_ips=subnet_id=Y` (repeatable): ports with such an address. */
  const byFixedIps = (req: Request, ports: Port[]) => {
    const wanted = ([] as unknown[]).concat(req.query.fixed_ips ?? []).map(String);
    return ports.filter((port) =>
      wanted.every((filter) => {
        const [key, value] = filter.split('=', 2);
        return key === 'ip_address' ? port.fixedIp === value : key === 'subnet_id' ? port.subnetId === value : true;
      }),
    );
  };
  api.get('/ports', (req, res) => res.json(neutronList(req, 'ports', byFixedIps(req, network.ports(projectOf(req))).map(portView))));
  api.get('/ports/:id', (req, res) => {
    const found = network.ports(projectOf(req)).find((p) => p.id === req.params.id);
    if (!found) throw missing('Port', String(req.params.id));
    res.json({ port: selectFields(req, portView(found)) });
  });

  api.get('/routers', (req, res) => res.json(neutronList(req, 'routers', network.routers(projectOf(req)).map(routerView))));
  api.get('/routers/:id', (req, res) => {
    const found = network.routers(projectOf(req)).find((r) => r.id === req.params.id);
    if (!found) throw missing('Router', String(req.params.id));
    res.json({ router: selectFields(req, routerView(found)) });
  });

  const findGroup = (req: Request, id: string): SecurityGroup => {
    const group = securityGroups.list(projectOf(req)).find((g) => g.id === id);
    if (!group) throw missing('SecurityGroup', id);
    return group;
  };
  api.get('/security-groups', (req, res) => res.json(neutronList(req, 'security_groups', securityGroups.list(projectOf(req)).map(securityGroupView))));
  api.get('/security-groups/:id', (req, res) => res.json({ security_group: selectFields(req, securityGroupView(findGroup(req, String(req.params.id)))) }));
  api.post('/security-groups', (req, res) => {
    const { security_group: input } = parseBody(securityGroupSchema, req.body ?? {});
    if (input.name === 'default') throw new OsError(409, 'Default security group already exists.', 'SecurityGroupDefaultAlreadyExists');
    const group = securityGroups.create(projectOf(req), { name: input.name, description: input.description ?? '' });
    res.status(201).json({ security_group: securityGroupView(group) });
  });
  api.put('/security-groups/:id', (req, res) => {
    const { security_group: input } = parseBody(securityGroupUpdateSchema, req.body ?? {});
    const group = findGroup(req, String(req.params.id));
    res.json({ security_group: securityGroupView(securityGroups.update(projectOf(req), group.id, input)) });
  });
  api.delete('/security-groups/:id', (req, res) => {
    const group = findGroup(req, String(req.params.id));
    try {
      securityGroups.delete(projectOf(req), group.id);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'CONFLICT') throw new OsError(409, error.message, 'SecurityGroupInUse');
      throw error;
    }
    res.status(204).end();
  });
  api.use(securityGroupRuleRoutes(engine, ruleView));

  const external = () => publicNetwork().id;
  const findFloatingIp = (req: Request) => {
    const found = floatingIps.list(projectOf(req)).find((f) => f.id === req.params.id);
    if (!found) throw missing('FloatingIP', String(req.params.id));
    return found;
  };
  /** Points a floating IP at a port (or nowhere), re-associating in one call as Neutron allows. */
  const associate = (projectId: string, id: string, current: string | null, portId: string | null | undefined, fixedIp?: string | null) => {
    if (portId === undefined || (portId === current && !fixedIp)) return;
    if (portId !== null && portId === current && fixedIp) {
      floatingIps.associate(projectId, id, portId, fixedIp);
      return;
    }
    const port = portId === null ? undefined : network.ports(projectId).find((p) => p.id === portId);
    if (portId !== null && !port) throw missing('Port', portId);
    if (port && network.noInternetRoute(port) !== null) {
      throw new OsError(404, `External network ${external()} is not reachable from subnet ${port.subnetId}.  Therefore, cannot associate Port ${port.id} with a Floating IP.`, 'ExternalGatewayForFloatingIPNotFound');
    }
    if (current) floatingIps.disassociate(projectId, id);
    if (portId) floatingIps.associate(projectId, id, portId, fixedIp ?? undefined);
  };
  api.get('/floatingips', (req, res) => {
    res.json(neutronList(req, 'floatingips', floatingIps.list(projectOf(req)).map((f) => floatingIpView(f, external(), routerIdOf(req, f.portId)))));
  });
  api.get('/floatingips/:id', (req, res) => {
    const found = findFloatingIp(req);
    res.json({ floatingip: selectFields(req, floatingIpView(found, external(), routerIdOf(req, found.portId))) });
  });
  api.post('/floatingips', (req, res) => {
    const { floatingip: input } = parseBody(floatingIpCreateSchema, req.body ?? {});
    if (input.floating_network_id !== external()) {
      const known = networks(req).some((n) => n.id === input.floating_network_id);
      if (!known) throw missing('Network', input.floating_network_id);
      throw new OsError(400, `Bad floatingip request: Network ${input.floating_network_id} is not a valid external network.`, 'BadRequest');
    }
    const projectId = projectOf(req);
    if (input.port_id && !network.ports(projectId).some((p) => p.id === input.port_id)) throw missing('Port', input.port_id);
    const allocated = floatingIps.allocate(projectId);
    try {
      associate(projectId, allocated.id, null, input.port_id, input.fixed_ip_address);
    } catch (error) {
      floatingIps.release(projectId, allocated.id);
      throw error;
    }
    const created = floatingIps.get(projectId, allocated.id);
    res.status(201).json({ floatingip: floatingIpView(created, external(), routerIdOf(req, created.portId)) });
  });
  api.put('/floatingips/:id', (req, res) => {
    const { floatingip: input } = parseBody(floatingIpUpdateSchema, req.body ?? {});
    const found = findFloatingIp(req);
    const projectId = projectOf(req);
    associate(projectId, found.id, found.portId, input.port_id, input.fixed_ip_address);
    const updated = floatingIps.get(projectId, found.id);
    res.json({ floatingip: floatingIpView(updated, external(), routerIdOf(req, updated.portId)) });
  });
  api.delete('/floatingips/:id', (req, res) => {
    floatingIps.release(projectOf(req), findFloatingIp(req).id);
    res.status(204).end();
  });

  const quota = (req: Request, detail: boolean) => {
    const projectId = projectOf(req);
    if (req.params.projectId !== projectId) throw new OsError(403, 'Sandcloud shows each project only its own quotas', 'PolicyNotAuthorized');
    const usage = engine.modules.quotas.usage(projectId);
    const value = (limit: number, used: number) => (detail ? { limit, used, reserved: 0 } : limit);
    const counted = { subnet: network.subnets(projectId).length, port: network.ports(projectId).length, router: network.routers(projectId).length };
    return {
      quota: {
        floatingip: value(usage.floatingIps.limit, usage.floatingIps.used),
        security_group: value(usage.securityGroups.limit, usage.securityGroups.used),
        security_group_rule: value(usage.securityGroupRules.limit, usage.securityGroupRules.used),
        network: value(usage.networks.limit, usage.networks.used),
        // Not metered by Sandcloud: unlimited (-1), as Neutron writes it.
        ...Object.fromEntries(Object.entries(counted).map(([name, used]) => [name, value(-1, used)])),
        rbac_policy: value(-1, 0),
        subnetpool: value(-1, 0),
      },
    };
  };
  api.get('/quotas/:projectId', (req, res) => res.json(quota(req, false)));
  api.get('/quotas/:projectId/details', (req, res) => res.json(quota(req, true)));
  api.get('/quotas/:projectId/default', (req, res) => res.json(quota(req, false)));

  api.use(neutronWriteRoutes(engine));

  router.use('/v2.0', api);
  router.use(notFound('network'));
  router.use(errorHandler('network'));
  return router;
}

import { EngineError, type Engine, type Network, type Port, type Router as EngineRouter, type Subnet } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { osContext } from '../auth.ts';
import { parseBody } from '../common.ts';
import { OsError } from '../errors.ts';
import { networkView, portView, routerView, subnetView } from './network-views.ts';
import { missing } from './neutron-errors.ts';

// Neutron's writes of networks, subnets, ports and routers (with add/remove_router_interface and
// external_gateway_info), over the engine's VPC model. Engine refusals keep their message; the
// Neutron exception type says which kind (`NetworkInUse`, `SubnetInUse`, `IpAddressAlreadyAllocated`…).

const text = z.string().max(255);
const owner = z.object({ tenant_id: z.string().optional(), project_id: z.string().optional() });
const fixedIps = z.array(z.object({ subnet_id: z.string().optional(), ip_address: z.string().optional() })).optional();
const pools = z.array(z.object({ start: z.string(), end: z.string() })).optional();
const dns = z.array(z.string()).optional();
const routes = z.array(z.object({ destination: z.string(), nexthop: z.string() })).optional();
const gatewayInfo = z.object({ network_id: z.string().optional(), enable_snat: z.boolean().optional(), external_fixed_ips: z.array(z.object({}).passthrough()).optional() }).nullable().optional();

const networkCreate = z.object({
  network: owner.extend({ name: text.optional(), description: text.optional(), admin_state_up: z.boolean().optional(), shared: z.literal(false).optional(), port_security_enabled: z.boolean().optional(), mtu: z.number().optional() }),
});
const networkUpdate = z.object({ network: z.object({ name: text.optional(), description: text.optional(), admin_state_up: z.boolean().optional() }) });
const subnetCreate = z.object({
  subnet: owner.extend({
    network_id: z.string().min(1),
    cidr: z.string().optional(),
    ip_version: z.union([z.literal(4), z.literal(6)]),
    name: text.optional(),
    description: text.optional(),
    gateway_ip: z.string().nullable().optional(),
    enable_dhcp: z.boolean().optional(),
    allocation_pools: pools,
    dns_nameservers: dns,
    host_routes: routes,
  }),
});
const subnetUpdate = z.object({
  subnet: z.object({ name: text.optional(), description: text.optional(), gateway_ip: z.string().nullable().optional(), enable_dhcp: z.boolean().optional(), allocation_pools: pools, dns_nameservers: dns, host_routes: routes }),
});
const portCreate = z.object({
  port: owner.extend({
    network_id: z.string().min(1),
    name: text.optional(),
    description: text.optional(),
    admin_state_up: z.boolean().optional(),
    fixed_ips: fixedIps,
    security_groups: z.array(z.string()).optional(),
    device_id: z.string().optional(),
    device_owner: z.string().optional(),
    port_security_enabled: z.boolean().optional(),
    mac_address: z.string().optional(),
    'binding:vnic_type': z.string().optional(),
    allowed_address_pairs: z.array(z.object({}).passthrough()).optional(),
  }),
});
const portUpdate = z.object({
  port: z.object({ name: text.optional(), description: text.optional(), admin_state_up: z.boolean().optional(), fixed_ips: fixedIps, security_groups: z.array(z.string()).optional(), device_id: z.string().optional(), device_owner: z.string().optional() }),
});
const routerCreate = z.object({ router: owner.extend({ name: text.optional(), description: text.optional(), admin_state_up: z.boolean().optional(), external_gateway_info: gatewayInfo }) });
const routerUpdate = z.object({ router: z.object({ name: text.optional(), description: text.optional(), admin_state_up: z.boolean().optional(), external_gateway_info: gatewayInfo, routes: routes }) });
const interfaceBody = z.object({ subnet_id: z.string().optional(), port_id: z.string().optional() });

/** Runs an engine call, giving its refusals Neutron's status and exception type. */
function neutron<T>(work: () => T, inUse: string): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof EngineError) {
      // Tempest (and clients) recognise Neutron's own phrase to try the next range.
      if (error.code === 'CONFLICT' && /overlaps/.test(error.message)) throw new OsError(400, `Invalid input for operation: ${error.message}: it overlaps with another subnet.`, 'BadRequest');
      if (error.code === 'CONFLICT') throw new OsError(409, error.message, /already used/.test(error.message) ? 'IpAddressAlreadyAllocated' : inUse);
      if (error.code === 'INVALID_INPUT') throw new OsError(400, `Invalid input for operation: ${error.message}.`, 'InvalidInput');
    }
    throw error;
  }
}

export function neutronWriteRoutes(engine: Engine): Router {
  const api = Router();
  const { network, securityGroups } = engine.modules;
  const projectOf = (req: Request) => osContext(req).project.id;
  const id = (req: Request) => String(req.params.id);

  const findNetwork = (req: Request): Network => {
    const found = network.findNetwork(projectOf(req), id(req));
    if (!found) throw missing('Network', id(req));
    return found;
  };
  const findSubnet = (req: Request): Subnet => {
    const found = network.subnets(projectOf(req)).find((s) => s.id === id(req));
    if (!found) throw missing('Subnet', id(req));
    return found;
  };
  const findPort = (req: Request, portId = id(req)): Port => {
    const found = network.ports(projectOf(req)).find((p) => p.id === portId);
    if (!found) throw missing('Port', portId);
    return found;
  };
  const findRouter = (req: Request): EngineRouter => {
    const found = network.routers(projectOf(req)).find((r) => r.id === id(req));
    if (!found) throw missing('Router', id(req));
    return found;
  };
  const gatewayWanted = (req: Request, info: z.infer<typeof gatewayInfo>): boolean | undefined => {
    if (info === undefined) return undefined;
    if (info === null || !info.network_id) return false;
    if (info.network_id !== network.ensurePublicNetwork().id) {
      if (!network.networks(projectOf(req)).some((n) => n.id === info.network_id)) throw missing('Network', info.network_id);
      throw new OsError(400, `Bad router request: Network ${info.network_id} is not an external network.`, 'BadRequest');
    }
    return true;
  };

  /** One `{network: …}` or Neutron's bulk `{networks: [...]}`, all created or none. */
  const bulk = <T>(req: Request, singular: string, create: (req: Request, body: unknown) => T) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const many = body[`${singular}s`];
    if (!Array.isArray(many)) return { [singular]: create(req, body) };
    return { [`${singular}s`]: network.transaction(() => many.map((item) => create(req, { [singular]: item }))) };
  };

  // ——— networks ———
  const createNetwork = (req: Request, body: unknown) => {
    const { network: input } = parseBody(networkCreate, body);
    const created = network.createNetwork(projectOf(req), { name: input.name ?? '', description: input.description ?? '' });
    const withState = input.admin_state_up === false ? network.setNeutronAttributes('network', created, { adminStateUp: false }) : created;
    return networkView(withState);
  };
  api.post('/networks', (req, res) => res.status(201).json(bulk(req, 'network', createNetwork)));
  api.put('/networks/:id', (req, res) => {
    const { network: input } = parseBody(networkUpdate, req.body ?? {});
    const found = findNetwork(req);
    if (found.external) throw new OsError(403, `Network ${found.id} is the external network; only an administrator changes it`, 'PolicyNotAuthorized');
    let updated = neutron(() => network.updateNetwork(projectOf(req), found.id, { ...(input.name === undefined ? {} : { name: input.name }), ...(input.description === undefined ? {} : { description: input.description }) }), 'NetworkInUse');
    if (input.admin_state_up !== undefined) updated = network.setNeutronAttributes('network', updated, { adminStateUp: input.admin_state_up });
    res.json({ network: networkView(updated) });
  });
  api.delete('/networks/:id', (req, res) => {
    const found = findNetwork(req);
    // Neutron deletes a network's subnets with it; only ports hold it back.
    neutron(() => {
      for (const subnet of network.subnetsOf(found)) {
        if (network.routersOf(subnet.id).length > 0) throw new EngineError('CONFLICT', `Unable to complete operation on network ${found.id}. There are one or more ports still in use on the network.`);
      }
      network.deleteNetwork(projectOf(req), found.id);
    }, 'NetworkInUse');
    res.status(204).end();
  });

  // ——— subnets ———
  const createSubnet = (req: Request, body: unknown) => {
    const { subnet: input } = parseBody(subnetCreate, body);
    const projectId = projectOf(req);
    if (input.ip_version === 6) throw new OsError(400, 'Invalid input for operation: Sandcloud subnets are IPv4 only.', 'InvalidInput');
    if (!input.cidr) throw new OsError(400, 'Bad subnet request: a cidr must be specified in the absence of a subnet pool.', 'BadRequest');
    if (!network.findNetwork(projectId, input.network_id)) throw missing('Network', input.network_id);
    const subnet = neutron(
      () =>
        network.transaction(() => {
          const created = network.createSubnet(projectId, {
            networkId: input.network_id,
            name: input.name ?? '',
            cidr: input.cidr!,
            ...(input.gateway_ip === undefined ? {} : { gatewayIp: input.gateway_ip }),
            ...(input.enable_dhcp === undefined ? {} : { enableDhcp: input.enable_dhcp }),
            description: input.description ?? '',
          });
          const extras = neutronSubnetAttributes(input);
          return Object.keys(extras).length > 0 ? network.setNeutronAttributes('subnet', created, extras) : created;
        }),
      'InvalidInput',
    );
    return subnetView(subnet);
  };
  api.post('/subnets', (req, res) => res.status(201).json(bulk(req, 'subnet', createSubnet)));
  api.put('/subnets/:id', (req, res) => {
    const { subnet: input } = parseBody(subnetUpdate, req.body ?? {});
    const found = findSubnet(req);
    const projectId = projectOf(req);
    const updated = neutron(
      () =>
        network.transaction(() => {
          const changed = network.updateSubnet(projectId, found.id, {
            ...(input.name === undefined ? {} : { name: input.name }),
            ...(input.description === undefined ? {} : { description: input.description }),
            ...(input.enable_dhcp === undefined ? {} : { enableDhcp: input.enable_dhcp }),
            ...(input.gateway_ip === undefined ? {} : { gatewayIp: input.gateway_ip }),
          });
          const extras = neutronSubnetAttributes(input);
          return Object.keys(extras).length > 0 ? network.setNeutronAttributes('subnet', changed, extras) : changed;
        }),
      'InvalidInput',
    );
    res.json({ subnet: subnetView(updated) });
  });
  api.delete('/subnets/:id', (req, res) => {
    const found = findSubnet(req);
    neutron(() => network.deleteSubnet(projectOf(req), found.id, { detachRouters: false }), 'SubnetInUse');
    res.status(204).end();
  });

  // ——— ports ———
  const createPort = (req: Request, body: unknown) => {
    const { port: input } = parseBody(portCreate, body);
    const projectId = projectOf(req);
    if (!network.findNetwork(projectId, input.network_id)) throw missing('Network', input.network_id);
    const wanted = input.fixed_ips?.[0];
    const groups = input.security_groups ?? securityGroups.list(projectId).filter((g) => g.name === 'default').map((g) => g.id);
    for (const groupId of groups) if (!securityGroups.list(projectId).some((g) => g.id === groupId)) throw missing('SecurityGroup', groupId);
    const port = neutron(
      () =>
        network.transaction(() => {
          let created = network.createPort({
            projectId,
            networkId: input.network_id,
            ...(wanted?.subnet_id ? { subnetId: wanted.subnet_id } : {}),
            ...(wanted?.ip_address ? { fixedIp: wanted.ip_address } : {}),
            name: input.name ?? '',
            ...(input.description ? { description: input.description } : {}),
            deviceOwner: input.device_owner ?? '',
            deviceId: input.device_id ?? '',
            securityGroupIds: groups,
            addressOptional: true,
          });
          const extra = (input.fixed_ips ?? []).slice(1).map((entry) => ({ ...(entry.subnet_id ? { subnetId: entry.subnet_id } : {}), ...(entry.ip_address ? { fixedIp: entry.ip_address } : {}) }));
          if (extra.length > 0) created = network.setExtraFixedIps(projectId, created.id, extra);
          if (input.admin_state_up === false) created = network.setNeutronAttributes('port', created, { adminStateUp: false });
          if (input.mac_address) created = network.setNeutronAttributes('port', created, { macAddress: input.mac_address.toLowerCase() });
          return created;
        }),
      'IpAddressAlreadyAllocated',
    );
    return portView(port);
  };
  api.post('/ports', (req, res) => res.status(201).json(bulk(req, 'port', createPort)));
  api.put('/ports/:id', (req, res) => {
    const { port: input } = parseBody(portUpdate, req.body ?? {});
    const found = findPort(req);
    const projectId = projectOf(req);
    for (const groupId of input.security_groups ?? []) if (!securityGroups.list(projectId).some((g) => g.id === groupId)) throw missing('SecurityGroup', groupId);
    const updated = neutron(
      () =>
        network.transaction(() => {
          let port = network.updatePort(projectId, found.id, {
            ...(input.name === undefined ? {} : { name: input.name }),
            ...(input.description === undefined ? {} : { description: input.description }),
            ...(input.security_groups === undefined ? {} : { securityGroupIds: input.security_groups }),
          });
          const wanted = input.fixed_ips?.[0];
          if (wanted?.subnet_id || wanted?.ip_address) {
            port = network.changeAddress(projectId, port.id, { ...(wanted.subnet_id ? { subnetId: wanted.subnet_id } : {}), ...(wanted.ip_address ? { fixedIp: wanted.ip_address } : {}) });
          }
          // `fixed_ips` names every address: those after the first replace the port's extra ones.
          if (input.fixed_ips !== undefined && input.fixed_ips.length > 0) {
            const extra = input.fixed_ips.slice(1).map((entry) => ({ ...(entry.subnet_id ? { subnetId: entry.subnet_id } : {}), ...(entry.ip_address ? { fixedIp: entry.ip_address } : {}) }));
            port = network.setExtraFixedIps(projectId, port.id, extra);
          }
          if (input.admin_state_up !== undefined) port = network.setNeutronAttributes('port', port, { adminStateUp: input.admin_state_up });
          return port;
        }),
      'IpAddressAlreadyAllocated',
    );
    res.json({ port: portView(updated) });
  });
  api.delete('/ports/:id', (req, res) => {
    const found = findPort(req);
    neutron(() => network.deleteUnusedPort(projectOf(req), found.id), 'PortInUse');
    res.status(204).end();
  });

  // ——— routers ———
  api.post('/routers', (req, res) => {
    const { router: input } = parseBody(routerCreate, req.body ?? {});
    const external = gatewayWanted(req, input.external_gateway_info) ?? false;
    let created = network.createRouter(projectOf(req), { name: input.name ?? '', externalGateway: external, description: input.description ?? '' });
    if (input.admin_state_up === false) created = network.setNeutronAttributes('router', created, { adminStateUp: false });
    res.status(201).json({ router: routerView(created) });
  });
  api.put('/routers/:id', (req, res) => {
    const { router: input } = parseBody(routerUpdate, req.body ?? {});
    const found = findRouter(req);
    if (input.routes && input.routes.length > 0) throw new OsError(400, 'Invalid input for routes: extra routes are not simulated by Sandcloud.', 'InvalidInput');
    const external = gatewayWanted(req, input.external_gateway_info);
    let updated = network.updateRouter(projectOf(req), found.id, {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(external === undefined ? {} : { externalGateway: external }),
    });
    if (input.admin_state_up !== undefined) updated = network.setNeutronAttributes('router', updated, { adminStateUp: input.admin_state_up });
    res.json({ router: routerView(updated) });
  });
  api.delete('/routers/:id', (req, res) => {
    const found = findRouter(req);
    neutron(() => network.deleteRouter(projectOf(req), found.id), 'RouterInUse');
    res.status(204).end();
  });
  const interfaceInfo = (router: EngineRouter, subnetId: string, portId: string, networkId: string) => ({
    id: router.id,
    tenant_id: router.projectId ?? '',
    project_id: router.projectId ?? '',
    subnet_id: subnetId,
    subnet_ids: [subnetId],
    port_id: portId,
    network_id: networkId,
  });
  api.put('/routers/:id/add_router_interface', (req, res) => {
    const body = parseBody(interfaceBody, req.body ?? {});
    const found = findRouter(req);
    if (!body.subnet_id && !body.port_id) throw new OsError(400, 'Bad router request: Either subnet_id or port_id must be specified.', 'BadRequest');
    if (body.subnet_id && body.port_id) throw new OsError(400, 'Bad router request: Cannot specify both subnet-id and port-id.', 'BadRequest');
    if (body.port_id) findPort(req, body.port_id);
    if (body.subnet_id && !network.subnets(projectOf(req)).some((s) => s.id === body.subnet_id)) throw missing('Subnet', body.subnet_id);
    const { router, port } = neutron(() => network.addRouterInterface(projectOf(req), found.id, body.subnet_id ?? null, body.port_id), 'BadRequest');
    res.json(interfaceInfo(router, port.subnetId, port.id, port.networkId));
  });
  api.put('/routers/:id/remove_router_interface', (req, res) => {
    const body = parseBody(interfaceBody, req.body ?? {});
    const found = findRouter(req);
    if (!body.subnet_id && !body.port_id) throw new OsError(400, 'Bad router request: Either subnet_id or port_id must be specified.', 'BadRequest');
    if (body.subnet_id && !found.subnetIds.includes(body.subnet_id)) {
      throw new OsError(404, `Router ${found.id} does not have an interface with id ${body.subnet_id}`, 'RouterInterfaceNotFoundForSubnet');
    }
    if (body.port_id && !network.routerPorts(found).some((p) => p.id === body.port_id)) {
      throw new OsError(404, `Router ${found.id} does not have an interface with id ${body.port_id}`, 'RouterInterfaceNotFound');
    }
    const removed = neutron(() => network.removeRouterInterface(projectOf(req), found.id, body.subnet_id ?? null, body.port_id), 'BadRequest');
    const subnet = network.subnets(projectOf(req)).find((s) => s.id === removed.subnetId);
    res.json(interfaceInfo(removed.router, removed.subnetId, removed.port?.id ?? '', subnet?.networkId ?? ''));
  });

  return api;
}

function neutronSubnetAttributes(input: { allocation_pools?: { start: string; end: string }[] | undefined; dns_nameservers?: string[] | undefined; host_routes?: { destination: string; nexthop: string }[] | undefined }) {
  return {
    ...(input.allocation_pools ? { allocationPools: input.allocation_pools } : {}),
    ...(input.dns_nameservers ? { dnsNameservers: input.dns_nameservers } : {}),
    ...(input.host_routes ? { hostRoutes: input.host_routes } : {}),
  };
}

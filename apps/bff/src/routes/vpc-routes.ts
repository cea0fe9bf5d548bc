import { DEFAULT_NETWORK_NAME, isRouterPort, type Engine, type Network, type Port, type Router as RoutingTable, type Subnet } from '@sandcloud/engine';
import {
  attachInterfaceSchema,
  attachToInstanceSchema,
  createNetworkInterfaceSchema,
  createRoutingTableSchema,
  createSubnetSchema,
  createVpcSchema,
  moveFloatingIpSchema,
  routingTableSubnetSchema,
  updateNetworkInterfaceSchema,
  updateRoutingTableSchema,
  updateSubnetSchema,
  updateVpcSchema,
  type NetworkInterfaceDto,
  type RoutingTableDto,
  type SubnetDto,
  type VpcDto,
} from '@sandcloud/api-schemas';
import { Router, type Request } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { macOf } from '../openstack/compute/server-view.ts';
import { iso } from './dto.ts';
import { listPage, resourceListSpec } from './paginate.ts';

/** The console's VPC screens: VPCs, subnets, routing tables (internet gateway, subnets) and network interfaces. */
export function vpcRoutes(engine: Engine): Router {
  const router = Router();
  const { network, interfaces, floatingIps } = engine.modules;
  const projectOf = (req: Request) => currentProject(req).id;
  const param = (req: Request, name: string) => String(req.params[name]);

  const vpcDto = (projectId: string, vpc: Network): VpcDto => ({
    id: vpc.id,
    name: vpc.name,
    status: vpc.status,
    cidr: vpc.cidr ?? null,
    description: vpc.description ?? '',
    isDefault: vpc.name === DEFAULT_NETWORK_NAME && !vpc.cidr,
    subnets: network.subnetsOf(vpc).map((s) => ({ id: s.id, name: s.name, cidr: s.cidr })),
    routingTables: network
      .routers(projectId)
      .filter((r) => r.networkId === vpc.id || r.subnetIds.some((id) => vpc.subnetIds.includes(id)))
      .map((r) => ({ id: r.id, name: r.name })),
    createdAt: iso(vpc.createdAt)!,
  });

  const subnetDto = (projectId: string, subnet: Subnet): SubnetDto => {
    const vpc = network.getNetwork(projectId, subnet.networkId);
    const table = network.routersOf(subnet.id)[0];
    const ports = network.portsOfSubnet(subnet.id);
    return {
      id: subnet.id,
      name: subnet.name,
      vpcId: vpc.id,
      vpcName: vpc.name,
      cidr: subnet.cidr,
      gatewayIp: subnet.gatewayIp || null,
      enableDhcp: subnet.enableDhcp ?? true,
      description: subnet.description ?? '',
      routingTableId: table?.id ?? null,
      routingTableName: table?.name ?? null,
      internetGateway: Boolean(table?.externalNetworkId),
      availableIps: network.availableAddresses(subnet),
      portCount: ports.filter((p) => !isRouterPort(p)).length,
      createdAt: iso(subnet.createdAt)!,
    };
  };

  const tableDto = (projectId: string, table: RoutingTable): RoutingTableDto => {
    const subnets = table.subnetIds.map((id) => network.findSubnet(id)).filter((s): s is Subnet => s !== undefined);
    const vpcId = table.networkId ?? subnets[0]?.networkId ?? null;
    const vpc = vpcId ? network.findNetwork(projectId, vpcId) : undefined;
    return {
      id: table.id,
      name: table.name,
      vpcId: vpc?.id ?? null,
      vpcName: vpc?.name ?? null,
      internetGateway: table.externalNetworkId !== null,
      description: table.description ?? '',
      subnets: subnets.map((s) => ({ id: s.id, name: s.name, cidr: s.cidr })),
      createdAt: iso(table.createdAt)!,
    };
  };

  const interfaceDto = (projectId: string, port: Port): NetworkInterfaceDto => {
    const vpc = network.findNetwork(projectId, port.networkId);
    const subnet = network.findSubnet(port.subnetId);
    const target = port.deviceId ? engine.queries.portTarget(port) : undefined;
    const instance = target?.type === 'instance' ? target.instance : undefined;
    const floating = floatingIps.forPort(port.id);
    return {
      id: port.id,
      name: port.name,
      status: port.status,
      vpcId: port.networkId,
      vpcName: vpc?.name ?? '',
      subnetId: port.subnetId,
      subnetName: subnet?.name ?? '',
      fixedIp: port.fixedIp,
      macAddress: macOf(port.id),
      description: port.description ?? '',
      device: !port.deviceId
        ? null
        : instance
          ? { type: 'instance', id: instance.id, name: instance.name }
          : { type: target?.type === 'load-balancer' ? 'load-balancer' : 'other', id: port.deviceId, name: port.name },
      primary: instance ? instance.portId === port.id : false,
      floatingIp: floating ? { id: floating.id, address: floating.address } : null,
      securityGroupIds: port.securityGroupIds,
      createdAt: iso(port.createdAt)!,
    };
  };

  // ——— VPCs ———
  router.get('/vpcs', (req, res) => {
    const projectId = projectOf(req);
    res.json(
      listPage(
        network.networks(projectId),
        req.query,
        resourceListSpec<Network, 'vpcs'>('vpcs', { sort: { status: (vpc) => vpc.status, cidr: (vpc) => vpc.cidr }, search: (vpc) => [vpc.cidr], filters: { status: (vpc) => vpc.status } }),
        (vpc) => vpcDto(projectId, vpc),
      ),
    );
  });
  router.get('/vpcs/:vpcId', (req, res) => res.json(vpcDto(projectOf(req), network.getNetwork(projectOf(req), param(req, 'vpcId')))));
  /** A VPC comes with its default routing table (with the internet gateway), as NHN's does. */
  router.post('/vpcs', (req, res) => {
    const input = parseInput(createVpcSchema, req.body);
    const projectId = projectOf(req);
    const vpc = network.createVpc(projectId, input);
    res.status(201).json(vpcDto(projectId, vpc));
  });
  router.patch('/vpcs/:vpcId', (req, res) => {
    const input = parseInput(updateVpcSchema, req.body);
    res.json(vpcDto(projectOf(req), network.updateNetwork(projectOf(req), param(req, 'vpcId'), input)));
  });
  router.delete('/vpcs/:vpcId', (req, res) => {
    network.deleteNetwork(projectOf(req), param(req, 'vpcId'));
    res.status(204).end();
  });

  // ——— subnets ———
  router.get('/subnets', (req, res) => {
    const projectId = projectOf(req);
    res.json(
      listPage(
        network.subnets(projectId),
        req.query,
        resourceListSpec<Subnet, 'subnets'>('subnets', { sort: { cidr: (subnet) => subnet.cidr }, search: (subnet) => [subnet.cidr, subnet.gatewayIp], filters: { vpcId: (subnet) => subnet.networkId } }),
        (subnet) => subnetDto(projectId, subnet),
      ),
    );
  });
  router.get('/subnets/:subnetId', (req, res) => res.json(subnetDto(projectOf(req), network.getSubnet(projectOf(req), param(req, 'subnetId')))));
  router.post('/subnets', (req, res) => {
    const { vpcId, routingTableId, ...input } = parseInput(createSubnetSchema, req.body);
    const projectId = projectOf(req);
    const subnet = network.createVpcSubnet(projectId, { networkId: vpcId, ...input, ...(routingTableId === undefined ? {} : { routerId: routingTableId }) });
    res.status(201).json(subnetDto(projectId, subnet));
  });
  router.patch('/subnets/:subnetId', (req, res) => {
    const input = parseInput(updateSubnetSchema, req.body);
    res.json(subnetDto(projectOf(req), network.updateSubnet(projectOf(req), param(req, 'subnetId'), input)));
  });
  router.delete('/subnets/:subnetId', (req, res) => {
    network.deleteSubnet(projectOf(req), param(req, 'subnetId'), { detachRouters: true });
    res.status(204).end();
  });

  // ——— routing tables ———
  router.get('/routing-tables', (req, res) => {
    const projectId = projectOf(req);
    res.json(listPage(network.routers(projectId), req.query, resourceListSpec<RoutingTable, 'routing-tables'>('routing-tables'), (table) => tableDto(projectId, table)));
  });
  router.get('/routing-tables/:tableId', (req, res) => res.json(tableDto(projectOf(req), network.getRouter(projectOf(req), param(req, 'tableId')))));
  router.post('/routing-tables', (req, res) => {
    const { internetGateway, vpcId, ...input } = parseInput(createRoutingTableSchema, req.body);
    const projectId = projectOf(req);
    const table = network.createRouter(projectId, { ...input, externalGateway: internetGateway, ...(vpcId ? { networkId: vpcId } : {}) });
    res.status(201).json(tableDto(projectId, table));
  });
  router.patch('/routing-tables/:tableId', (req, res) => {
    const { internetGateway, ...input } = parseInput(updateRoutingTableSchema, req.body);
    const table = network.updateRouter(projectOf(req), param(req, 'tableId'), { ...input, ...(internetGateway === undefined ? {} : { externalGateway: internetGateway }) });
    res.json(tableDto(projectOf(req), table));
  });
  router.delete('/routing-tables/:tableId', (req, res) => {
    network.deleteRouter(projectOf(req), param(req, 'tableId'));
    res.status(204).end();
  });
  router.post('/routing-tables/:tableId/subnets', (req, res) => {
    const { subnetId } = parseInput(routingTableSubnetSchema, req.body);
    res.json(tableDto(projectOf(req), network.addRouterInterface(projectOf(req), param(req, 'tableId'), subnetId).router));
  });
  router.delete('/routing-tables/:tableId/subnets/:subnetId', (req, res) => {
    res.json(tableDto(projectOf(req), network.removeRouterInterface(projectOf(req), param(req, 'tableId'), param(req, 'subnetId')).router));
  });

  // ——— network interfaces ———
  router.get('/network-interfaces', (req, res) => {
    const projectId = projectOf(req);
    // A routing table's interfaces are its own (shown on the routing table), not network interfaces to attach.
    const ports = network.ports(projectId).filter((port) => !isRouterPort(port));
    res.json(listPage(ports, req.query, resourceListSpec<Port, 'network-interfaces'>('network-interfaces', { search: (port) => [port.fixedIp] }), (port) => interfaceDto(projectId, port)));
  });
  router.get('/network-interfaces/:portId', (req, res) => res.json(interfaceDto(projectOf(req), network.getProjectPort(projectOf(req), param(req, 'portId')))));
  router.post('/network-interfaces', (req, res) => {
    const { securityGroupIds, ...input } = parseInput(createNetworkInterfaceSchema, req.body);
    const projectId = projectOf(req);
    const groups = securityGroupIds ?? engine.modules.securityGroups.list(projectId).filter((g) => g.name === 'default').map((g) => g.id);
    engine.modules.securityGroups.getMany(projectId, groups);
    const port = network.createFreePort(projectId, { ...input, securityGroupIds: groups });
    res.status(201).json(interfaceDto(projectId, port));
  });
  router.patch('/network-interfaces/:portId', (req, res) => {
    const input = parseInput(updateNetworkInterfaceSchema, req.body);
    if (input.securityGroupIds) engine.modules.securityGroups.getMany(projectOf(req), input.securityGroupIds);
    res.json(interfaceDto(projectOf(req), network.updatePort(projectOf(req), param(req, 'portId'), input)));
  });
  router.delete('/network-interfaces/:portId', (req, res) => {
    network.deleteUnusedPort(projectOf(req), param(req, 'portId'));
    res.status(204).end();
  });
  router.post('/network-interfaces/:portId/attach', (req, res) => {
    const { instanceId } = parseInput(attachInterfaceSchema, req.body);
    res.json(interfaceDto(projectOf(req), interfaces.attach(projectOf(req), instanceId, { portId: param(req, 'portId') })));
  });
  router.post('/network-interfaces/:portId/detach', (req, res) => {
    const projectId = projectOf(req);
    const port = network.getProjectPort(projectId, param(req, 'portId'));
    res.json(interfaceDto(projectId, interfaces.detach(projectId, port.deviceId, port.id)));
  });
  /** Moves a floating IP here, from wherever it is connected. */
  router.post('/network-interfaces/:portId/floating-ip', (req, res) => {
    const { floatingIpId } = parseInput(moveFloatingIpSchema, req.body);
    const projectId = projectOf(req);
    floatingIps.move(projectId, floatingIpId, network.getProjectPort(projectId, param(req, 'portId')).id);
    res.json(interfaceDto(projectId, network.getProjectPort(projectId, param(req, 'portId'))));
  });

  // An instance's interfaces (also while it runs).
  router.get('/instances/:instanceId/interfaces', (req, res) => {
    const projectId = projectOf(req);
    res.json({ items: interfaces.list(projectId, param(req, 'instanceId')).map((port) => interfaceDto(projectId, port)) });
  });
  router.post('/instances/:instanceId/interfaces', (req, res) => {
    const target = parseInput(attachToInstanceSchema, req.body);
    const projectId = projectOf(req);
    res.status(201).json(interfaceDto(projectId, interfaces.attach(projectId, param(req, 'instanceId'), target)));
  });
  router.delete('/instances/:instanceId/interfaces/:portId', (req, res) => {
    const projectId = projectOf(req);
    res.json(interfaceDto(projectId, interfaces.detach(projectId, param(req, 'instanceId'), param(req, 'portId'))));
  });

  return router;
}

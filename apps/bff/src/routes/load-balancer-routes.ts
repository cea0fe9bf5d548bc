import type { Engine, Instance, LoadBalancer, LoadBalancerMember as Member, LoadBalancerView } from '@sandcloud/engine';
import {
  addListenerRequestSchema,
  addMemberRequestSchema,
  createLoadBalancerRequestSchema,
  loadBalancerConnectivityTestRequestSchema,
  pageQuerySchema,
  updateHealthMonitorRequestSchema,
  updateListenerRequestSchema,
  updateLoadBalancerRequestSchema,
  updateMemberRequestSchema,
  type LoadBalancerConnectivityDto,
  type LoadBalancerDto,
  type LoadBalancerListenerDto,
  type LoadBalancerMemberDto,
  type ResourceHistoryEntryDto,
} from '@sandcloud/api-schemas';
import { Router } from 'express';
import { HttpError } from '../http/errors.ts';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { listPage, listSpec, paginate, resourceListSpec } from './paginate.ts';

export function toLoadBalancerDto(engine: Engine, lb: LoadBalancer): LoadBalancerDto {
  const { network, floatingIps, loadBalancers, instances } = engine.modules;
  const projectId = lb.projectId!;
  const subnet = network.subnets(projectId).find((candidate) => candidate.id === lb.vipSubnetId);
  const net = network.networks(projectId).find((candidate) => candidate.id === lb.vipNetworkId);
  const floatingIp = lb.vipPortId ? floatingIps.forPort(lb.vipPortId) : undefined;
  const instanceById = new Map(instances.list(projectId).map((instance): [string, Instance] => [instance.id, instance]));
  return {
    id: lb.id,
    name: lb.name,
    description: lb.description,
    provisioningStatus: lb.status,
    operatingStatus: lb.operatingStatus,
    errorReason: lb.errorReason,
    vipAddress: lb.vipAddress,
    vipPortId: lb.vipPortId,
    vipSubnetId: lb.vipSubnetId,
    subnetCidr: subnet?.cidr ?? null,
    networkId: lb.vipNetworkId,
    networkName: net?.name ?? null,
    floatingIp: floatingIp ? { id: floatingIp.id, address: floatingIp.address } : null,
    listeners: loadBalancers.view(lb).listeners.map((view) => toListenerDto(view, instanceById)),
    stats: lb.stats,
    allowedActions: loadBalancers.allowedActions(lb),
    createdAt: iso(lb.createdAt)!,
    updatedAt: iso(lb.updatedAt)!,
  };
}

function toListenerDto({ listener, pool, members, operatingStatus }: LoadBalancerView['listeners'][number], instanceById: ReadonlyMap<string, Instance>): LoadBalancerListenerDto {
  const certificate = listener.certificate;
  return {
    id: listener.id,
    name: listener.name,
    protocol: listener.protocol,
    protocolPort: listener.protocolPort,
    connectionLimit: listener.connectionLimit,
    keepAliveTimeoutSeconds: listener.keepAliveTimeoutSeconds,
    allowedCidrs: listener.allowedCidrs,
    provisioningStatus: listener.status,
    operatingStatus,
    certificate: certificate
      ? {
          subject: certificate.subject,
          issuer: certificate.issuer,
          subjectAltName: certificate.subjectAltName,
          notBefore: iso(certificate.notBefore)!,
          notAfter: iso(certificate.notAfter)!,
          fingerprint256: certificate.fingerprint256,
        }
      : null,
    pool: {
      id: pool.id,
      protocol: pool.protocol,
      lbAlgorithm: pool.lbAlgorithm,
      memberPort: pool.memberPort,
      sessionPersistence: pool.sessionPersistence,
      operatingStatus,
      healthMonitor: pool.healthMonitor,
      members: members.map((member) => toMemberDto(member, instanceById)),
    },
  };
}

function toMemberDto(member: Member, instanceById: ReadonlyMap<string, Instance>): LoadBalancerMemberDto {
  return {
    id: member.id,
    instanceId: member.instanceId,
    // An Octavia member at an address no server owns has no instance; a nameless one shows its address.
    instanceName: member.name || member.address,
    instanceStatus: instanceById.get(member.instanceId)?.status ?? null,
    address: member.address,
    protocolPort: member.protocolPort,
    weight: member.weight,
    adminStateUp: member.adminStateUp,
    provisioningStatus: member.status,
    operatingStatus: member.operatingStatus,
  };
}

/** Load balancers (Octavia): the wizard, listeners, members, health checks and the connectivity verdict. */
export function loadBalancerRoutes(engine: Engine): Router {
  const router = Router();
  const { loadBalancers } = engine.modules;
  const dto = (lb: LoadBalancer) => toLoadBalancerDto(engine, lb);
  const fresh = (projectId: string, id: string) => dto(loadBalancers.get(projectId, id));
  const ids = (params: Record<string, unknown>) => ({ id: String(params.loadBalancerId), listenerId: String(params.listenerId), memberId: String(params.memberId) });

  router.get('/load-balancers', (req, res) => {
    const spec = resourceListSpec<LoadBalancer, 'load-balancers'>('load-balancers', {
      sort: { status: (lb) => lb.status, operatingStatus: (lb) => lb.operatingStatus, vipAddress: (lb) => lb.vipAddress },
      search: (lb) => [lb.vipAddress, lb.description],
      filters: { status: (lb) => lb.status, operatingStatus: (lb) => lb.operatingStatus, vipNetworkId: (lb) => lb.vipNetworkId },
    });
    res.json(listPage(loadBalancers.list(currentProject(req).id), req.query, spec, dto));
  });

  router.post('/load-balancers', (req, res) => {
    res.status(201).json(dto(loadBalancers.create(currentProject(req).id, parseInput(createLoadBalancerRequestSchema, req.body))));
  });

  router.get('/load-balancers/:loadBalancerId', (req, res) => {
    res.json(fresh(currentProject(req).id, ids(req.params).id));
  });

  router.patch('/load-balancers/:loadBalancerId', (req, res) => {
    const changes = parseInput(updateLoadBalancerRequestSchema, req.body);
    res.json(dto(loadBalancers.update(currentProject(req).id, ids(req.params).id, changes)));
  });

  router.delete('/load-balancers/:loadBalancerId', (req, res) => {
    res.status(202).json(dto(loadBalancers.delete(currentProject(req).id, ids(req.params).id)));
  });

  router.get('/load-balancers/:loadBalancerId/history', (req, res) => {
    const entries = loadBalancers
      .history(currentProject(req).id, ids(req.params).id)
      .map((entry): ResourceHistoryEntryDto => ({ ...entry, at: iso(entry.at)! }));
    res.json(paginate(entries, parseInput(pageQuerySchema, req.query)));
  });

  /** The project's instances by id, built once per request and only when a page needs it. */
  const instancesOf = (projectId: string) => {
    let byId: Map<string, Instance> | undefined;
    return () => (byId ??= new Map(engine.modules.instances.list(projectId).map((instance): [string, Instance] => [instance.id, instance])));
  };
  const listenerView = (projectId: string, id: string, listenerId: string) => {
    const view = loadBalancers.view(loadBalancers.get(projectId, id)).listeners.find((candidate) => candidate.listener.id === listenerId);
    if (!view) throw new HttpError(404, 'NOT_FOUND', `No listener with id ${listenerId}`, undefined, 'resource.notFound', { kind: 'listener', id: listenerId });
    return view;
  };

  /** The Listeners tab: one page of the load balancer's listeners, each with its pool. */
  router.get('/load-balancers/:loadBalancerId/listeners', (req, res) => {
    const projectId = currentProject(req).id;
    const { id } = ids(req.params);
    const instanceById = instancesOf(projectId);
    const spec = listSpec<LoadBalancerView['listeners'][number], 'load-balancer-listeners'>('load-balancer-listeners', {
      id: (view) => view.listener.id,
      sort: {
        name: (view) => view.listener.name,
        createdAt: (view) => view.listener.createdAt,
        protocol: (view) => view.listener.protocol,
        protocolPort: (view) => view.listener.protocolPort,
      },
      search: (view) => [view.listener.name, view.listener.id, String(view.listener.protocolPort), ...view.listener.allowedCidrs],
      filters: { protocol: (view) => view.listener.protocol, operatingStatus: (view) => view.operatingStatus },
    });
    res.json(listPage(loadBalancers.view(loadBalancers.get(projectId, id)).listeners, req.query, spec, (view) => toListenerDto(view, instanceById())));
  });

  /** The Instance tab: one page of a listener pool's members (a pool can hold hundreds). */
  router.get('/load-balancers/:loadBalancerId/listeners/:listenerId/members', (req, res) => {
    const projectId = currentProject(req).id;
    const { id, listenerId } = ids(req.params);
    const instanceById = instancesOf(projectId);
    const spec = listSpec<Member, 'load-balancer-members'>('load-balancer-members', {
      id: (member) => member.id,
      sort: {
        name: (member) => member.name,
        createdAt: (member) => member.createdAt,
        address: (member) => member.address,
        protocolPort: (member) => member.protocolPort,
        weight: (member) => member.weight,
        operatingStatus: (member) => member.operatingStatus,
      },
      search: (member) => [member.name, member.id, member.instanceId, member.address],
      filters: { operatingStatus: (member) => member.operatingStatus, adminStateUp: (member) => String(member.adminStateUp) },
    });
    res.json(listPage(listenerView(projectId, id, listenerId).members, req.query, spec, (member) => toMemberDto(member, instanceById())));
  });

  router.post('/load-balancers/:loadBalancerId/listeners', (req, res) => {
    const projectId = currentProject(req).id;
    const { id } = ids(req.params);
    loadBalancers.addListener(projectId, id, parseInput(addListenerRequestSchema, req.body));
    res.status(201).json(fresh(projectId, id));
  });

  router.patch('/load-balancers/:loadBalancerId/listeners/:listenerId', (req, res) => {
    const projectId = currentProject(req).id;
    const { id, listenerId } = ids(req.params);
    loadBalancers.updateListener(projectId, id, listenerId, parseInput(updateListenerRequestSchema, req.body));
    res.json(fresh(projectId, id));
  });

  router.delete('/load-balancers/:loadBalancerId/listeners/:listenerId', (req, res) => {
    const projectId = currentProject(req).id;
    const { id, listenerId } = ids(req.params);
    loadBalancers.deleteListener(projectId, id, listenerId);
    res.json(fresh(projectId, id));
  });

  router.put('/load-balancers/:loadBalancerId/listeners/:listenerId/health-monitor', (req, res) => {
    const projectId = currentProject(req).id;
    const { id, listenerId } = ids(req.params);
    loadBalancers.updateHealthMonitor(projectId, id, listenerId, parseInput(updateHealthMonitorRequestSchema, req.body));
    res.json(fresh(projectId, id));
  });

  router.post('/load-balancers/:loadBalancerId/listeners/:listenerId/members', (req, res) => {
    const projectId = currentProject(req).id;
    const { id, listenerId } = ids(req.params);
    loadBalancers.addMember(projectId, id, listenerId, parseInput(addMemberRequestSchema, req.body));
    res.status(201).json(fresh(projectId, id));
  });

  router.patch('/load-balancers/:loadBalancerId/members/:memberId', (req, res) => {
    const projectId = currentProject(req).id;
    const { id, memberId } = ids(req.params);
    loadBalancers.updateMember(projectId, id, memberId, parseInput(updateMemberRequestSchema, req.body));
    res.json(fresh(projectId, id));
  });

  router.delete('/load-balancers/:loadBalancerId/members/:memberId', (req, res) => {
    const projectId = currentProject(req).id;
    const { id, memberId } = ids(req.params);
    loadBalancers.removeMember(projectId, id, memberId);
    res.json(fresh(projectId, id));
  });

  router.post('/load-balancers/:loadBalancerId/connectivity-test', (req, res) => {
    const { port, sourceIp } = parseInput(loadBalancerConnectivityTestRequestSchema, req.body);
    const verdict: LoadBalancerConnectivityDto = loadBalancers.testConnectivity(currentProject(req).id, ids(req.params).id, port, sourceIp);
    res.json(verdict);
  });

  return router;
}

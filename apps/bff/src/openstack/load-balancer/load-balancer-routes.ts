import {
  EngineError,
  type Engine,
  type EngineErrorCode,
  type LoadBalancer,
  type LoadBalancerListener,
  type LoadBalancerParts,
  type LoadBalancerPoolView,
  type LoadBalancerStats,
} from '@sandcloud/engine';
import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { osContext, requireScopedToken } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { parseBody } from '../common.ts';
import { errorBody, OsError } from '../errors.ts';
import { selectFields } from '../network/neutron-list.ts';
import { registerL7Routes } from './l7-routes.ts';
import { octaviaList } from './octavia-list.ts';
import { healthMonitorId, healthMonitorView, listenerView, loadBalancerView, memberView, poolView } from './octavia-views.ts';

/** Octavia's error body: `{"faultcode": "Client", "faultstring": "…", "debuginfo": null}`. */
const fault = (status: number, message: string) => ({ faultcode: status >= 500 ? 'Server' : 'Client', faultstring: message, debuginfo: null });

const STATUS: Record<EngineErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PRODUCT_NOT_ACTIVE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  QUOTA_EXCEEDED: 403,
  RATE_LIMITED: 429,
  BUSY: 503,
  ACCOUNT_DISABLED: 401,
};

const octaviaErrors: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  let status = 500;
  let message = 'Unexpected error';
  if (error instanceof OsError) [status, message] = [error.status, error.message];
  else if (error instanceof EngineError) [status, message] = [STATUS[error.code], error.message];
  else if ((error as { type?: string }).type === 'entity.parse.failed') [status, message] = [400, 'Malformed request body'];
  else if ((error as { type?: string }).type === 'entity.too.large') [status, message] = [413, 'Request is too large.'];
  else req.log?.error({ err: error }, 'unhandled error in the Octavia API');
  if (status === 401) {
    res.setHeader('WWW-Authenticate', `Keystone uri="${req.protocol}://${req.get('host') ?? 'localhost'}/identity"`);
    res.status(401).json(errorBody('identity', 401, message));
    return;
  }
  res.status(status).json(fault(status, message));
};

/** Octavia (WSME) also takes a port written as a string, e.g. "80". */
const port = z.preprocess((value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value), z.number().int().min(1).max(65535));
const MONITOR_TYPES = ['HTTP', 'HTTPS', 'TCP', 'PING', 'UDP-CONNECT', 'TLS-HELLO', 'SCTP'] as const;
const POOL_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'PROXY', 'PROXYV2', 'UDP', 'SCTP'] as const;
const LISTENER_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'TERMINATED_HTTPS', 'UDP', 'SCTP'] as const;
const healthMonitorSchema = z.object({
  type: z.enum(MONITOR_TYPES),
  delay: z.number().int().min(1),
  timeout: z.number().int().min(1),
  max_retries: z.number().int().min(1).max(10),
  max_retries_down: z.number().int().optional(),
  http_method: z.string().optional(),
  url_path: z.string().optional(),
  expected_codes: z.string().optional(),
  name: z.string().max(255).optional(),
  admin_state_up: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
});
const memberSchema = z.object({
  address: z.string().min(1),
  protocol_port: port,
  subnet_id: z.string().optional(),
  weight: z.number().int().min(0).max(256).optional(),
  name: z.string().max(255).optional(),
  admin_state_up: z.boolean().optional(),
  monitor_address: z.string().nullable().optional(),
  monitor_port: port.nullable().optional(),
  backup: z.literal(false).optional(),
  tags: z.array(z.string()).optional(),
});
const sessionPersistenceSchema = z.object({ type: z.enum(['SOURCE_IP', 'HTTP_COOKIE', 'APP_COOKIE']), cookie_name: z.string().nullable().optional() }).nullable();
const poolSchema = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  protocol: z.enum(['HTTP', 'HTTPS', 'TCP']),
  lb_algorithm: z.enum(['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP']),
  session_persistence: sessionPersistenceSchema.optional(),
  members: z.array(memberSchema).min(1, 'Sandcloud pools have at least one member: give the members with the pool'),
  healthmonitor: healthMonitorSchema,
  admin_state_up: z.literal(true).optional(),
});
const listenerSchema = z.object({
  name: z.string().max(255).optional(),
  description: z.string().max(255).optional(),
  protocol: z.enum(LISTENER_PROTOCOLS),
  protocol_port: port,
  connection_limit: z.number().int().optional(),
  timeout_client_data: z.number().int().optional(),
  allowed_cidrs: z.array(z.string()).nullable().optional(),
  admin_state_up: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  insert_headers: z.record(z.string(), z.union([z.string(), z.boolean()])).nullable().optional(),
  default_pool: poolSchema.optional(),
});
const fullyPopulated = 'Sandcloud creates a load balancer with its listener, pool, members and health monitor in one call (Octavia\'s fully populated create)';
const createLoadBalancerSchema = z.object({
  loadbalancer: z.object({
    name: z.string().optional(),
    description: z.string().max(255).optional(),
    vip_subnet_id: z.string().optional(),
    vip_network_id: z.string().optional(),
    vip_port_id: z.string().optional(),
    vip_address: z.string().optional(),
    admin_state_up: z.boolean().optional(),
    tags: z.array(z.string()).optional(),
    provider: z.string().optional(),
    project_id: z.string().optional(),
    listeners: z.array(listenerSchema).length(1, fullyPopulated).optional(),
  }),
});
const createListenerSchema = z.object({ listener: listenerSchema.extend({ loadbalancer_id: z.string().min(1) }) });
const updateLoadBalancerSchema = z.object({
  loadbalancer: z.object({ name: z.string().max(255).optional(), description: z.string().max(255).optional(), admin_state_up: z.boolean().optional(), tags: z.array(z.string()).optional() }),
});
const createPoolSchema = z.object({
  pool: z.object({
    name: z.string().max(255).optional(),
    description: z.string().max(255).optional(),
    protocol: z.enum(POOL_PROTOCOLS),
    lb_algorithm: z.enum(['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP']),
    session_persistence: sessionPersistenceSchema.optional(),
    listener_id: z.string().optional(),
    loadbalancer_id: z.string().optional(),
    admin_state_up: z.boolean().optional(),
    tags: z.array(z.string()).optional(),
  }),
});
const updateListenerSchema = z.object({
  listener: z.object({
    name: z.string().max(255).optional(),
    description: z.string().max(255).optional(),
    admin_state_up: z.boolean().optional(),
    insert_headers: z.record(z.string(), z.union([z.string(), z.boolean()])).nullable().optional(),
    connection_limit: z.number().int().optional(),
    timeout_client_data: z.number().int().optional(),
    allowed_cidrs: z.array(z.string()).nullable().optional(),
    tags: z.array(z.string()).optional(),
  }),
});
const updatePoolSchema = z.object({
  pool: z.object({
    name: z.string().max(255).optional(),
    description: z.string().max(255).optional(),
    admin_state_up: z.boolean().optional(),
    lb_algorithm: z.enum(['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP']).optional(),
    session_persistence: sessionPersistenceSchema.optional(),
    tags: z.array(z.string()).optional(),
  }),
});
const createMemberSchema = z.object({ member: memberSchema });
const batchMembersSchema = z.object({ members: z.array(memberSchema).max(256) });
const updateMemberSchema = z.object({
  member: z.object({
    name: z.string().max(255).optional(),
    weight: z.number().int().min(0).max(256).optional(),
    admin_state_up: z.boolean().optional(),
    monitor_address: z.string().nullable().optional(),
    monitor_port: port.nullable().optional(),
    backup: z.literal(false).optional(),
    tags: z.array(z.string()).optional(),
  }),
});
const healthMonitorBody = z.object({ healthmonitor: healthMonitorSchema.extend({ pool_id: z.string().min(1) }) });
const updateHealthMonitorSchema = z.object({ healthmonitor: healthMonitorSchema.partial() });

interface ListenerRef {
  parts: LoadBalancerParts;
  listener: LoadBalancerListener;
}
interface PoolRef {
  parts: LoadBalancerParts;
  lb: LoadBalancer;
  entry: LoadBalancerPoolView;
}

/**
 * Octavia v2 at /load-balancer/v2.0 (and /v2), over the engine's load-balancer service and its
 * real health checks. As in Octavia, a load balancer is created bare on a subnet (or fully
 * populated, with its listener, pool, members and health monitor), then listeners, pools, members
 * and health monitors come one at a time, each putting the load balancer in PENDING_UPDATE (Octavia
 * answers 409 "immutable" to a change while it is not ACTIVE). Members are the project's servers.
 */
export function loadBalancerRoutes(engine: Engine): Router {
  const router = Router();
  const { loadBalancers, network, l7 } = engine.modules;
  const l7PolicyIds = (listenerId: string) => l7.policiesOf(listenerId).map((policy) => policy.id);
  router.use(express.json({ limit: '256kb' }));
  const version = (req: Request, id: string, status: string) => ({ id, status, updated: '2024-01-01T00:00:00Z', links: [{ href: `${baseUrl(req)}/load-balancer/${id}/`, rel: 'self' }] });
  // Octavia numbers its API v2.0 … v2.N; Sandcloud answers the base v2.0 (no microversion features claimed).
  router.get('/', (req, res) => res.json({ versions: [version(req, 'v2.0', 'CURRENT')] }));

  const api = Router();
  api.use(requireScopedToken(engine));
  const projectOf = (req: Request) => osContext(req).project.id;
  const all = (req: Request): LoadBalancerParts[] =>
    [...loadBalancers.list(projectOf(req))].sort((a, b) => a.createdAt - b.createdAt).map((lb) => loadBalancers.parts(lb));
  const missing = (kind: string, id: string) => new OsError(404, `${kind} ${id} not found.`);
  const partsOf = (req: Request, id: string): LoadBalancerParts => {
    const lb = loadBalancers.list(projectOf(req)).find((candidate) => candidate.id === id);
    if (!lb) throw missing('Load Balancer', id);
    return loadBalancers.parts(lb);
  };
  /** Octavia refuses any change under a load balancer that is not ACTIVE. */
  const mutable = (lb: LoadBalancer) => {
    if (lb.status !== 'ACTIVE') throw new OsError(409, `Load Balancer ${lb.id} is immutable and cannot be updated.`);
  };
  const listeners = (req: Request): ListenerRef[] => all(req).flatMap((parts) => parts.listeners.map((listener) => ({ parts, listener })));
  const pools = (req: Request): PoolRef[] => all(req).flatMap((parts) => parts.pools.map((entry) => ({ parts, lb: parts.loadBalancer, entry })));
  const findListener = (req: Request, id: string): ListenerRef => {
    const found = listeners(req).find(({ listener }) => listener.id === id);
    if (!found) throw missing('Listener', id);
    return found;
  };
  const findPool = (req: Request, id: string): PoolRef => {
    const found = pools(req).find(({ entry }) => entry.pool.id === id);
    if (!found) throw missing('Pool', id);
    return found;
  };
  const findMonitor = (req: Request, id: string): PoolRef => {
    const found = pools(req).find(({ entry }) => entry.pool.healthMonitor && healthMonitorId(entry.pool.id) === id);
    if (!found) throw missing('Health Monitor', id);
    return found;
  };
  /** Octavia members are addresses; Sandcloud's are the project's instances behind them. */
  const instanceAt = (req: Request, address: string, subnetId: string | undefined): string => {
    const portAt = network.ports(projectOf(req)).find((p) => p.fixedIp === address && p.deviceOwner.startsWith('compute') && (!subnetId || p.subnetId === subnetId));
    if (!portAt) throw new OsError(400, `Sandcloud members are servers: no server of this project has the address ${address}${subnetId ? ` on subnet ${subnetId}` : ''}`);
    return portAt.deviceId;
  };
  const monitorInput = (monitor: z.infer<typeof healthMonitorSchema>, memberPort: number) => ({
    type: monitor.type,
    ...(monitor.name !== undefined ? { name: monitor.name } : {}),
    ...(monitor.admin_state_up !== undefined ? { adminStateUp: monitor.admin_state_up } : {}),
    monitorPort: memberPort,
    delaySeconds: monitor.delay,
    timeoutSeconds: monitor.timeout,
    maxRetries: monitor.max_retries,
    ...(monitor.max_retries_down !== undefined ? { maxRetriesDown: monitor.max_retries_down } : {}),
    ...(monitor.http_method ? { httpMethod: monitor.http_method as 'GET' } : {}),
    ...(monitor.url_path ? { urlPath: monitor.url_path } : {}),
    ...(monitor.expected_codes ? { expectedCodes: monitor.expected_codes } : {}),
  });
  const memberInput = (input: z.infer<typeof memberSchema>) => ({
    address: input.address,
    protocolPort: input.protocol_port,
    ...(input.subnet_id !== undefined ? { subnetId: input.subnet_id } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.weight !== undefined ? { weight: input.weight } : {}),
    ...(input.admin_state_up !== undefined ? { adminStateUp: input.admin_state_up } : {}),
    ...(input.monitor_address !== undefined ? { monitorAddress: input.monitor_address } : {}),
    ...(input.monitor_port !== undefined ? { monitorPort: input.monitor_port } : {}),
  });
  const listenerSettings = (input: z.infer<typeof listenerSchema>) => {
    if (input.protocol === 'TERMINATED_HTTPS') throw new OsError(400, 'TERMINATED_HTTPS needs a certificate container (Barbican), which Sandcloud does not have');
    return {
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.admin_state_up !== undefined ? { adminStateUp: input.admin_state_up } : {}),
      protocol: input.protocol,
      protocolPort: input.protocol_port,
      ...(input.connection_limit !== undefined && input.connection_limit !== -1 ? { connectionLimit: input.connection_limit } : {}),
      ...(input.timeout_client_data !== undefined ? { keepAliveTimeoutSeconds: Math.max(1, Math.round(input.timeout_client_data / 1000)) } : {}),
      ...(input.allowed_cidrs ? { allowedCidrs: input.allowed_cidrs } : {}),
    };
  };
  const listenerAndPool = (req: Request, input: z.infer<typeof listenerSchema>, pool: z.infer<typeof poolSchema>, subnetId: string | undefined) => {
    const memberPorts = new Set(pool.members.map((m) => m.protocol_port));
    if (memberPorts.size !== 1) throw new OsError(400, 'Sandcloud pools send traffic to one member port: give every member the same protocol_port');
    const memberPort = [...memberPorts][0]!;
    const settings = listenerSettings(input);
    const { protocol } = settings;
    if (protocol === 'UDP' || protocol === 'SCTP') throw new OsError(400, `A ${protocol} listener is created on its own, then its pool and members: Sandcloud's fully populated create takes TCP, HTTP and HTTPS`);
    return {
      listener: { ...settings, protocol },
      pool: {
        lbAlgorithm: pool.lb_algorithm,
        memberPort,
        sessionPersistence: pool.session_persistence ? { type: pool.session_persistence.type, cookieName: pool.session_persistence.cookie_name ?? null } : null,
        members: pool.members.map((m) => ({ instanceId: instanceAt(req, m.address, m.subnet_id ?? subnetId), ...(m.weight !== undefined ? { weight: m.weight } : {}) })),
        healthMonitor: monitorInput(pool.healthmonitor, memberPort),
      },
    };
  };
  const lbJson = (req: Request, id: string) => loadBalancerView(partsOf(req, id));
  const listenerJson = (req: Request, id: string) => {
    const { parts, listener } = findListener(req, id);
    return listenerView(parts, listener, l7PolicyIds(listener.id));
  };
  const poolJson = (req: Request, id: string) => {
    const { lb, entry } = findPool(req, id);
    return poolView(lb, entry);
  };

  // Load balancers.
  api.get('/lbaas/loadbalancers', (req, res) => res.json(octaviaList(req, 'loadbalancers', all(req).map(loadBalancerView))));
  api.get('/lbaas/loadbalancers/:id', (req, res) => res.json({ loadbalancer: selectFields(req, lbJson(req, String(req.params.id))) }));
  api.get('/lbaas/loadbalancers/:id/status', (req, res) => {
    const parts = partsOf(req, String(req.params.id));
    const lb = parts.loadBalancer;
    const poolStatus = (entry: LoadBalancerPoolView) => {
      const pool = poolView(lb, entry);
      return {
        id: pool.id,
        name: pool.name,
        provisioning_status: pool.provisioning_status,
        operating_status: pool.operating_status,
        members: entry.members.map((m) => ({ id: m.id, name: m.name, address: m.address, protocol_port: m.protocolPort, provisioning_status: m.status, operating_status: m.operatingStatus })),
        ...(entry.pool.healthMonitor ? { health_monitor: { id: healthMonitorId(entry.pool.id), name: entry.pool.healthMonitor.name ?? '', type: entry.pool.healthMonitor.type, provisioning_status: entry.pool.status, operating_status: entry.pool.healthMonitor.adminStateUp === false ? 'OFFLINE' : 'ONLINE' } } : {}),
      };
    };
    res.json({
      statuses: {
        loadbalancer: {
          id: lb.id,
          name: lb.name,
          provisioning_status: lb.status,
          operating_status: loadBalancerView(parts).operating_status,
          listeners: parts.listeners.map((listener) => {
            const view = listenerView(parts, listener);
            return {
              id: view.id,
              name: view.name,
              provisioning_status: view.provisioning_status,
              operating_status: view.operating_status,
              pools: parts.pools.filter((entry) => entry.pool.listenerId === listener.id).map(poolStatus),
            };
          }),
        },
      },
    });
  });
  const statsJson = (stats: LoadBalancerStats | undefined) => ({
    active_connections: stats?.activeConnections ?? 0,
    bytes_in: stats?.bytesIn ?? 0,
    bytes_out: stats?.bytesOut ?? 0,
    request_errors: stats?.requestErrors ?? 0,
    total_connections: stats?.totalConnections ?? 0,
  });
  api.get('/lbaas/loadbalancers/:id/stats', (req, res) => res.json({ stats: statsJson(partsOf(req, String(req.params.id)).loadBalancer.stats) }));
  // What the data plane carried through this listener (zeros until it carries something).
  api.get('/lbaas/listeners/:id/stats', (req, res) => res.json({ stats: statsJson(findListener(req, String(req.params.id)).listener.stats) }));
  api.post('/lbaas/loadbalancers', (req, res) => {
    const { loadbalancer: input } = parseBody(createLoadBalancerSchema, req.body ?? {});
    const projectId = projectOf(req);
    const subnets = network.subnets(projectId);
    if (!input.vip_subnet_id && !input.vip_network_id && !input.vip_port_id) throw new OsError(400, 'Validation failure: VIP must contain one of: vip_port_id, vip_network_id, vip_subnet_id.');
    if (input.provider !== undefined && input.provider !== 'sandcloud') throw new OsError(400, `Provider '${input.provider}' is not enabled.`);
    const vipPort = input.vip_port_id ? network.ports(projectId).find((p) => p.id === input.vip_port_id) : undefined;
    if (input.vip_port_id && !vipPort) throw new OsError(400, `Validation failure: Port ${input.vip_port_id} could not be found.`);
    if (vipPort && vipPort.deviceOwner) throw new OsError(409, `Port ${vipPort.id} is already in use by ${vipPort.deviceOwner}.`);
    const subnet = vipPort
      ? subnets.find((s) => s.id === vipPort.subnetId)
      : input.vip_subnet_id
        ? subnets.find((s) => s.id === input.vip_subnet_id)
        : subnets.find((s) => s.networkId === input.vip_network_id);
    if (!subnet) throw new OsError(400, `Validation failure: Subnet ${input.vip_subnet_id ?? input.vip_network_id ?? input.vip_port_id} could not be found.`);
    if (input.vip_network_id && subnet.networkId !== input.vip_network_id) throw new OsError(400, `Validation failure: Subnet ${subnet.id} is not on network ${input.vip_network_id}.`);
    const first = input.listeners?.[0];
    const combined = first?.default_pool ? listenerAndPool(req, first, first.default_pool, subnet.id) : undefined;
    if (first && !combined) throw new OsError(400, `${fullyPopulated}: give the listener its default_pool`);
    const lb = loadBalancers.create(projectId, {
      name: input.name || `lb-${Date.now().toString(36)}`,
      description: input.description ?? '',
      subnetId: subnet.id,
      ...(vipPort ? { vipPortId: vipPort.id } : {}),
      ...(input.vip_address !== undefined ? { vipAddress: input.vip_address } : {}),
      ...(input.admin_state_up !== undefined ? { adminStateUp: input.admin_state_up } : {}),
      ...(combined ? { listener: combined.listener, pool: combined.pool } : {}),
    });
    res.status(201).json({ loadbalancer: loadBalancerView(loadBalancers.parts(lb)) });
  });
  api.put('/lbaas/loadbalancers/:id', (req, res) => {
    const { loadbalancer: input } = parseBody(updateLoadBalancerSchema, req.body ?? {});
    const { loadBalancer } = partsOf(req, String(req.params.id));
    mutable(loadBalancer);
    loadBalancers.update(projectOf(req), loadBalancer.id, { name: input.name, description: input.description, adminStateUp: input.admin_state_up });
    res.json({ loadbalancer: lbJson(req, loadBalancer.id) });
  });
  // Failover is Octavia's admin action; an admin reaches any project's load balancer.
  api.put('/lbaas/loadbalancers/:id/failover', (req, res) => {
    if (!osContext(req).user.isAdmin) throw new OsError(403, 'Policy does not allow this request to be performed.');
    const id = String(req.params.id);
    const lb = engine.queries.loadBalancer(id);
    if (!lb) throw missing('Load Balancer', id);
    mutable(lb);
    loadBalancers.failover(lb.id);
    res.status(202).end();
  });
  api.delete('/lbaas/loadbalancers/:id', (req, res) => {
    const parts = partsOf(req, String(req.params.id));
    const lb = parts.loadBalancer;
    const cascade = String(req.query.cascade ?? '').toLowerCase() === 'true';
    if (!cascade && (parts.listeners.length > 0 || parts.pools.length > 0)) {
      throw new OsError(400, `Cannot delete Load Balancer ${lb.id} - it has children`);
    }
    if (lb.status !== 'ACTIVE' && lb.status !== 'ERROR') throw new OsError(409, `Invalid state ${lb.status} of loadbalancer resource ${lb.id}`);
    loadBalancers.delete(projectOf(req), lb.id);
    res.status(204).end();
  });

  // Listeners.
  api.get('/lbaas/listeners', (req, res) => res.json(octaviaList(req, 'listeners', listeners(req).map(({ parts, listener }) => listenerView(parts, listener, l7PolicyIds(listener.id))))));
  api.get('/lbaas/listeners/:id', (req, res) => res.json({ listener: selectFields(req, listenerJson(req, String(req.params.id))) }));
  api.post('/lbaas/listeners', (req, res) => {
    const { listener: input } = parseBody(createListenerSchema, req.body ?? {});
    const { loadBalancer: lb } = partsOf(req, input.loadbalancer_id);
    mutable(lb);
    const created = input.default_pool
      ? loadBalancers.addListener(projectOf(req), lb.id, listenerAndPool(req, input, input.default_pool, lb.vipSubnetId))
      : loadBalancers.addBareListener(projectOf(req), lb.id, { ...listenerSettings(input), name: input.name ?? '', insertHeaders: input.insert_headers ?? undefined });
    res.status(201).json({ listener: listenerJson(req, created.id) });
  });
  api.put('/lbaas/listeners/:id', (req, res) => {
    const { listener: input } = parseBody(updateListenerSchema, req.body ?? {});
    const { parts, listener } = findListener(req, String(req.params.id));
    mutable(parts.loadBalancer);
    loadBalancers.updateListener(projectOf(req), parts.loadBalancer.id, listener.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.admin_state_up !== undefined ? { adminStateUp: input.admin_state_up } : {}),
      ...(input.insert_headers !== undefined ? { insertHeaders: input.insert_headers ?? {} } : {}),
      ...(input.connection_limit !== undefined && input.connection_limit !== -1 ? { connectionLimit: input.connection_limit } : {}),
      ...(input.timeout_client_data !== undefined ? { keepAliveTimeoutSeconds: Math.max(1, Math.round(input.timeout_client_data / 1000)) } : {}),
      ...(input.allowed_cidrs !== undefined ? { allowedCidrs: input.allowed_cidrs ?? [] } : {}),
    });
    res.json({ listener: listenerJson(req, listener.id) });
  });
  api.delete('/lbaas/listeners/:id', (req, res) => {
    const { parts, listener } = findListener(req, String(req.params.id));
    mutable(parts.loadBalancer);
    loadBalancers.deleteListenerKeepingPool(projectOf(req), parts.loadBalancer.id, listener.id);
    res.status(204).end();
  });

  // Pools: a listener's default pool, or the load balancer's only.
  api.get('/lbaas/pools', (req, res) => res.json(octaviaList(req, 'pools', pools(req).map(({ lb, entry }) => poolView(lb, entry)))));
  api.get('/lbaas/pools/:id', (req, res) => res.json({ pool: selectFields(req, poolJson(req, String(req.params.id))) }));
  api.post('/lbaas/pools', (req, res) => {
    const { pool: input } = parseBody(createPoolSchema, req.body ?? {});
    if (!input.listener_id && !input.loadbalancer_id) throw new OsError(400, 'Validation failure: Either listener_id or loadbalancer_id must be specified.');
    const owner = input.listener_id ? findListener(req, input.listener_id).parts : partsOf(req, input.loadbalancer_id!);
    if (input.loadbalancer_id && owner.loadBalancer.id !== input.loadbalancer_id) throw new OsError(400, `Validation failure: Listener ${input.listener_id} is not on Load Balancer ${input.loadbalancer_id}.`);
    mutable(owner.loadBalancer);
    const pool = loadBalancers.addPool(projectOf(req), owner.loadBalancer.id, {
      listenerId: input.listener_id ?? null,
      protocol: input.protocol,
      lbAlgorithm: input.lb_algorithm,
      sessionPersistence: input.session_persistence ? { type: input.session_persistence.type, cookieName: input.session_persistence.cookie_name ?? null } : null,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.admin_state_up !== undefined ? { adminStateUp: input.admin_state_up } : {}),
    });
    res.status(201).json({ pool: poolJson(req, pool.id) });
  });
  api.put('/lbaas/pools/:id', (req, res) => {
    const { pool: input } = parseBody(updatePoolSchema, req.body ?? {});
    const { lb, entry } = findPool(req, String(req.params.id));
    mutable(lb);
    loadBalancers.updatePool(projectOf(req), lb.id, entry.pool.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.admin_state_up !== undefined ? { adminStateUp: input.admin_state_up } : {}),
      ...(input.lb_algorithm ? { lbAlgorithm: input.lb_algorithm } : {}),
      ...(input.session_persistence !== undefined
        ? { sessionPersistence: input.session_persistence ? { type: input.session_persistence.type, cookieName: input.session_persistence.cookie_name ?? null } : null }
        : {}),
    });
    res.json({ pool: poolJson(req, entry.pool.id) });
  });
  api.delete('/lbaas/pools/:id', (req, res) => {
    const { lb, entry } = findPool(req, String(req.params.id));
    mutable(lb);
    loadBalancers.deletePool(projectOf(req), lb.id, entry.pool.id);
    res.status(204).end();
  });

  // Members.
  const memberOf = (ref: PoolRef, id: string) => {
    const member = ref.entry.members.find((m) => m.id === id);
    if (!member) throw missing('Member', id);
    return member;
  };
  api.get('/lbaas/pools/:poolId/members', (req, res) => res.json(octaviaList(req, 'members', findPool(req, String(req.params.poolId)).entry.members.map(memberView))));
  api.get('/lbaas/pools/:poolId/members/:id', (req, res) => res.json({ member: selectFields(req, memberView(memberOf(findPool(req, String(req.params.poolId)), String(req.params.id)))) }));
  api.post('/lbaas/pools/:poolId/members', (req, res) => {
    const { member: input } = parseBody(createMemberSchema, req.body ?? {});
    const ref = findPool(req, String(req.params.poolId));
    mutable(ref.lb);
    const member = loadBalancers.addAddressMember(projectOf(req), ref.lb.id, ref.entry.pool.id, memberInput(input));
    res.status(201).json({ member: memberView(member) });
  });
  // Batch update: the pool's members become the list (kept by address and port, the rest deleted).
  api.put('/lbaas/pools/:poolId/members', (req, res) => {
    const { members: inputs } = parseBody(batchMembersSchema, req.body ?? {});
    const ref = findPool(req, String(req.params.poolId));
    mutable(ref.lb);
    loadBalancers.replaceAddressMembers(projectOf(req), ref.lb.id, ref.entry.pool.id, inputs.map(memberInput));
    res.status(202).end();
  });
  api.put('/lbaas/pools/:poolId/members/:id', (req, res) => {
    const { member: input } = parseBody(updateMemberSchema, req.body ?? {});
    const ref = findPool(req, String(req.params.poolId));
    const member = memberOf(ref, String(req.params.id));
    mutable(ref.lb);
    const updated = loadBalancers.updateAddressMember(projectOf(req), ref.lb.id, member.id, {
      name: input.name,
      weight: input.weight,
      adminStateUp: input.admin_state_up,
      monitorAddress: input.monitor_address,
      monitorPort: input.monitor_port,
    });
    res.json({ member: memberView(updated) });
  });
  api.delete('/lbaas/pools/:poolId/members/:id', (req, res) => {
    const ref = findPool(req, String(req.params.poolId));
    const member = memberOf(ref, String(req.params.id));
    mutable(ref.lb);
    loadBalancers.removeMember(projectOf(req), ref.lb.id, member.id);
    res.status(204).end();
  });

  // Health monitors (at most one per pool, kept inside the pool).
  const monitored = (req: Request) => pools(req).filter(({ entry }) => entry.pool.healthMonitor);
  api.get('/lbaas/healthmonitors', (req, res) => res.json(octaviaList(req, 'healthmonitors', monitored(req).map(({ lb, entry }) => healthMonitorView(lb, entry.pool)))));
  api.get('/lbaas/healthmonitors/:id', (req, res) => {
    const { lb, entry } = findMonitor(req, String(req.params.id));
    res.json({ healthmonitor: selectFields(req, healthMonitorView(lb, entry.pool)) });
  });
  api.post('/lbaas/healthmonitors', (req, res) => {
    const { healthmonitor: input } = parseBody(healthMonitorBody, req.body ?? {});
    if (input.type !== 'HTTP' && input.type !== 'HTTPS') {
      // Octavia: only HTTP and HTTPS monitors take a method, a path and expected codes.
      const option = (['http_method', 'url_path', 'expected_codes'] as const).find((key) => input[key]);
      if (option) throw new OsError(400, `${option} is not a valid option for health monitors of type ${input.type}`);
    }
    const ref = findPool(req, input.pool_id);
    if (ref.entry.pool.healthMonitor) throw new OsError(409, `Pool ${ref.entry.pool.id} already has a health monitor`);
    mutable(ref.lb);
    // An empty pool has no member port yet: the engine takes the monitor's port from its first member.
    const pool = loadBalancers.setPoolHealthMonitor(projectOf(req), ref.lb.id, ref.entry.pool.id, monitorInput(input, ref.entry.pool.memberPort || 80));
    res.status(201).json({ healthmonitor: healthMonitorView(ref.lb, pool) });
  });
  api.put('/lbaas/healthmonitors/:id', (req, res) => {
    const { healthmonitor: input } = parseBody(updateHealthMonitorSchema, req.body ?? {});
    const ref = findMonitor(req, String(req.params.id));
    mutable(ref.lb);
    const current = ref.entry.pool.healthMonitor!;
    const pool = loadBalancers.setPoolHealthMonitor(
      projectOf(req),
      ref.lb.id,
      ref.entry.pool.id,
      monitorInput(
        {
          type: input.type ?? current.type,
          name: input.name ?? current.name ?? '',
          admin_state_up: input.admin_state_up ?? current.adminStateUp ?? true,
          delay: input.delay ?? current.delaySeconds,
          timeout: input.timeout ?? current.timeoutSeconds,
          max_retries: input.max_retries ?? current.maxRetries,
          max_retries_down: input.max_retries_down ?? current.maxRetriesDown ?? current.maxRetries,
          ...((input.http_method ?? current.httpMethod) ? { http_method: (input.http_method ?? current.httpMethod)! } : {}),
          ...((input.url_path ?? current.urlPath) ? { url_path: (input.url_path ?? current.urlPath)! } : {}),
          ...((input.expected_codes ?? current.expectedCodes) ? { expected_codes: (input.expected_codes ?? current.expectedCodes)! } : {}),
        },
        current.monitorPort,
      ),
    );
    res.json({ healthmonitor: healthMonitorView(ref.lb, pool) });
  });
  api.delete('/lbaas/healthmonitors/:id', (req, res) => {
    const ref = findMonitor(req, String(req.params.id));
    mutable(ref.lb);
    loadBalancers.setPoolHealthMonitor(projectOf(req), ref.lb.id, ref.entry.pool.id, null);
    res.status(204).end();
  });

  // Providers, flavors and quotas, as Octavia lists them for a project.
  api.get('/lbaas/providers', (_req, res) => res.json({ providers: [{ name: 'sandcloud', description: 'Sandcloud simulated load balancers (no amphora VMs: the engine and its data plane)' }] }));
  api.get('/lbaas/flavors', (_req, res) => res.json({ flavors: [] }));
  api.get('/lbaas/availabilityzones', (_req, res) => res.json({ availability_zones: [] }));

  registerL7Routes(api, engine);
  const mount: RequestHandler = (req, res, next) => api(req, res, next);
  router.use(['/v2.0', '/v2'], mount);
  router.use((req, res) => res.status(404).json(fault(404, `The resource could not be found: ${req.method} ${req.originalUrl.split('?')[0]}`)));
  router.use(octaviaErrors);
  return router;
}

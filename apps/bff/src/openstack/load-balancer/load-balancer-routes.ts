import {
  EngineError,
  type Engine,
  type EngineErrorCode,
  type ListenerView,
  type LoadBalancer,
  type LoadBalancerView,
} from '@sandcloud/engine';
import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { osContext, requireScopedToken } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { parseBody } from '../common.ts';
import { errorBody, OsError } from '../errors.ts';
import { neutronList, selectFields } from '../network/neutron-list.ts';
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

const port = z.number().int().min(1).max(65535);
const healthMonitorSchema = z.object({
  type: z.enum(['HTTP', 'HTTPS', 'TCP']),
  delay: z.number().int().min(1),
  timeout: z.number().int().min(1),
  max_retries: z.number().int().min(1).max(10),
  max_retries_down: z.number().int().optional(),
  http_method: z.string().optional(),
  url_path: z.string().optional(),
  expected_codes: z.string().optional(),
  name: z.string().optional(),
  admin_state_up: z.literal(true).optional(),
});
const memberSchema = z.object({
  address: z.string().min(1),
  protocol_port: port,
  subnet_id: z.string().optional(),
  weight: z.number().int().min(0).max(256).optional(),
  name: z.string().optional(),
  admin_state_up: z.boolean().optional(),
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
  name: z.string().optional(),
  description: z.string().optional(),
  protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'TERMINATED_HTTPS']),
  protocol_port: port,
  connection_limit: z.number().int().optional(),
  timeout_client_data: z.number().int().optional(),
  allowed_cidrs: z.array(z.string()).nullable().optional(),
  admin_state_up: z.literal(true).optional(),
  default_pool: poolSchema,
});
const fullyPopulated = 'Sandcloud creates a load balancer with its listener, pool, members and health monitor in one call (Octavia\'s fully populated create)';
const createLoadBalancerSchema = z.object({
  loadbalancer: z.object({
    name: z.string().optional(),
    description: z.string().max(255).optional(),
    vip_subnet_id: z.string().optional(),
    vip_network_id: z.string().optional(),
    vip_port_id: z.undefined({ error: 'Sandcloud creates the VIP port itself: give vip_subnet_id' }).optional(),
    admin_state_up: z.literal(true).optional(),
    provider: z.string().optional(),
    project_id: z.string().optional(),
    listeners: z.array(listenerSchema).length(1, fullyPopulated).optional(),
  }),
});
const createListenerSchema = z.object({ listener: listenerSchema.extend({ loadbalancer_id: z.string().min(1) }) });
const updateLoadBalancerSchema = z.object({ loadbalancer: z.object({ name: z.string().optional(), description: z.string().max(255).optional() }) });
const updateListenerSchema = z.object({
  listener: z.object({ connection_limit: z.number().int().optional(), timeout_client_data: z.number().int().optional(), allowed_cidrs: z.array(z.string()).nullable().optional() }),
});
const updatePoolSchema = z.object({ pool: z.object({ lb_algorithm: z.enum(['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP']).optional(), session_persistence: sessionPersistenceSchema.optional() }) });
const createMemberSchema = z.object({ member: memberSchema });
const updateMemberSchema = z.object({ member: z.object({ weight: z.number().int().min(0).max(256).optional(), admin_state_up: z.boolean().optional() }) });
const healthMonitorBody = z.object({ healthmonitor: healthMonitorSchema.extend({ pool_id: z.string().min(1) }) });
const updateHealthMonitorSchema = z.object({ healthmonitor: healthMonitorSchema.partial() });

interface PoolRef {
  lb: LoadBalancer;
  entry: ListenerView;
}

/**
 * Octavia v2 at /load-balancer/v2.0 (and /v2), over the engine's load-balancer service and its
 * real health checks. The engine's load balancer always has its listener, pool, members and health
 * monitor (the console creates them together), so creation is Octavia's fully populated create;
 * the rest (members, health monitor, listener and pool settings, cascade delete) maps one to one.
 */
export function loadBalancerRoutes(engine: Engine): Router {
  const router = Router();
  const { loadBalancers, network } = engine.modules;
  router.use(express.json({ limit: '256kb' }));
  const version = (req: Request, id: string, status: string) => ({ id, status, updated: '2024-01-01T00:00:00Z', links: [{ href: `${baseUrl(req)}/load-balancer/${id}/`, rel: 'self' }] });
  router.get('/', (req, res) => res.json({ versions: [version(req, 'v2.0', 'SUPPORTED'), version(req, 'v2', 'CURRENT')] }));

  const api = Router();
  api.use(requireScopedToken(engine));
  const projectOf = (req: Request) => osContext(req).project.id;
  const views = (req: Request): LoadBalancerView[] => loadBalancers.list(projectOf(req)).map((lb) => loadBalancers.view(lb));
  const missing = (kind: string, id: string) => new OsError(404, `${kind} ${id} not found.`);
  const findLb = (req: Request, id: string): LoadBalancerView => {
    const found = views(req).find((view) => view.loadBalancer.id === id);
    if (!found) throw missing('Load Balancer', id);
    return found;
  };
  const entries = (req: Request): PoolRef[] => views(req).flatMap((view) => view.listeners.map((entry) => ({ lb: view.loadBalancer, entry })));
  const findListener = (req: Request, id: string): PoolRef => {
    const found = entries(req).find(({ entry }) => entry.listener.id === id);
    if (!found) throw missing('Listener', id);
    return found;
  };
  const findPool = (req: Request, id: string): PoolRef => {
    const found = entries(req).find(({ entry }) => entry.pool.id === id);
    if (!found) throw missing('Pool', id);
    return found;
  };
  const findMonitor = (req: Request, id: string): PoolRef => {
    const found = entries(req).find(({ entry }) => entry.pool.healthMonitor && healthMonitorId(entry.pool.id) === id);
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
    monitorPort: memberPort,
    delaySeconds: monitor.delay,
    timeoutSeconds: monitor.timeout,
    maxRetries: monitor.max_retries,
    ...(monitor.http_method ? { httpMethod: monitor.http_method as 'GET' } : {}),
    ...(monitor.url_path ? { urlPath: monitor.url_path } : {}),
    ...(monitor.expected_codes ? { expectedCodes: monitor.expected_codes } : {}),
  });
  const listenerAndPool = (req: Request, input: z.infer<typeof listenerSchema>, subnetId: string | undefined) => {
    const pool = input.default_pool;
    const memberPorts = new Set(pool.members.map((m) => m.protocol_port));
    if (memberPorts.size !== 1) throw new OsError(400, 'Sandcloud pools send traffic to one member port: give every member the same protocol_port');
    const memberPort = [...memberPorts][0]!;
    if (input.protocol === 'TERMINATED_HTTPS') throw new OsError(400, 'TERMINATED_HTTPS needs a certificate container (Barbican), which Sandcloud does not have');
    return {
      listener: {
        protocol: input.protocol,
        protocolPort: input.protocol_port,
        ...(input.connection_limit !== undefined && input.connection_limit !== -1 ? { connectionLimit: input.connection_limit } : {}),
        ...(input.timeout_client_data !== undefined ? { keepAliveTimeoutSeconds: Math.max(1, Math.round(input.timeout_client_data / 1000)) } : {}),
        ...(input.allowed_cidrs ? { allowedCidrs: input.allowed_cidrs } : {}),
      },
      pool: {
        lbAlgorithm: pool.lb_algorithm,
        memberPort,
        sessionPersistence: pool.session_persistence ? { type: pool.session_persistence.type, cookieName: pool.session_persistence.cookie_name ?? null } : null,
        members: pool.members.map((m) => ({ instanceId: instanceAt(req, m.address, m.subnet_id ?? subnetId), ...(m.weight !== undefined ? { weight: m.weight } : {}) })),
        healthMonitor: monitorInput(pool.healthmonitor, memberPort),
      },
    };
  };

  // Load balancers.
  api.get('/lbaas/loadbalancers', (req, res) => res.json(neutronList(req, 'loadbalancers', views(req).map(loadBalancerView))));
  api.get('/lbaas/loadbalancers/:id', (req, res) => res.json({ loadbalancer: selectFields(req, loadBalancerView(findLb(req, String(req.params.id)))) }));
  api.get('/lbaas/loadbalancers/:id/status', (req, res) => {
    const view = findLb(req, String(req.params.id));
    const lb = view.loadBalancer;
    res.json({
      statuses: {
        loadbalancer: {
          id: lb.id,
          name: lb.name,
          provisioning_status: lb.status,
          operating_status: lb.operatingStatus,
          listeners: view.listeners.map((entry) => {
            const listener = listenerView(lb, entry);
            const pool = poolView(lb, entry);
            return {
              id: listener.id,
              name: listener.name,
              provisioning_status: listener.provisioning_status,
              operating_status: listener.operating_status,
              pools: [
                {
                  id: pool.id,
                  name: pool.name,
                  provisioning_status: pool.provisioning_status,
                  operating_status: pool.operating_status,
                  members: entry.members.map((m) => ({ id: m.id, name: m.name, address: m.address, protocol_port: m.protocolPort, provisioning_status: m.status, operating_status: m.operatingStatus })),
                  ...(entry.pool.healthMonitor ? { health_monitor: { id: healthMonitorId(entry.pool.id), name: '', type: entry.pool.healthMonitor.type, provisioning_status: entry.pool.status, operating_status: 'ONLINE' } } : {}),
                },
              ],
            };
          }),
        },
      },
    });
  });
  api.get('/lbaas/loadbalancers/:id/stats', (req, res) => {
    const stats = findLb(req, String(req.params.id)).loadBalancer.stats;
    res.json({ stats: { active_connections: stats.activeConnections, bytes_in: stats.bytesIn, bytes_out: stats.bytesOut, request_errors: stats.requestErrors, total_connections: stats.totalConnections } });
  });
  api.post('/lbaas/loadbalancers', (req, res) => {
    const { loadbalancer: input } = parseBody(createLoadBalancerSchema, req.body ?? {});
    const projectId = projectOf(req);
    const subnets = network.subnets(projectId);
    const subnet = input.vip_subnet_id
      ? subnets.find((s) => s.id === input.vip_subnet_id)
      : input.vip_network_id
        ? subnets.find((s) => s.networkId === input.vip_network_id)
        : undefined;
    if (!input.vip_subnet_id && !input.vip_network_id) throw new OsError(400, 'Validation failure: VIP must contain one of: vip_port_id, vip_network_id, vip_subnet_id.');
    if (!subnet) throw new OsError(400, `Validation failure: Subnet ${input.vip_subnet_id ?? input.vip_network_id} could not be found.`);
    if (!input.listeners) throw new OsError(400, `${fullyPopulated}; a load balancer without a listener is not supported yet.`);
    const { listener, pool } = listenerAndPool(req, input.listeners[0]!, subnet.id);
    const lb = loadBalancers.create(projectId, { name: input.name || `lb-${Date.now().toString(36)}`, description: input.description ?? '', subnetId: subnet.id, listener, pool });
    res.status(201).json({ loadbalancer: loadBalancerView(loadBalancers.view(lb)) });
  });
  api.put('/lbaas/loadbalancers/:id', (req, res) => {
    const { loadbalancer: input } = parseBody(updateLoadBalancerSchema, req.body ?? {});
    const view = findLb(req, String(req.params.id));
    const lb = loadBalancers.update(projectOf(req), view.loadBalancer.id, { name: input.name, description: input.description });
    res.json({ loadbalancer: loadBalancerView(loadBalancers.view(lb)) });
  });
  api.delete('/lbaas/loadbalancers/:id', (req, res) => {
    const view = findLb(req, String(req.params.id));
    // Octavia refuses a load balancer with children unless cascade; Sandcloud's always has its listener.
    const cascade = String(req.query.cascade ?? '').toLowerCase() === 'true';
    if (!cascade && view.listeners.length > 0) {
      throw new OsError(400, `Cannot delete Load Balancer ${view.loadBalancer.id} - it has children`);
    }
    loadBalancers.delete(projectOf(req), view.loadBalancer.id);
    res.status(204).end();
  });

  // Listeners.
  api.get('/lbaas/listeners', (req, res) => res.json(neutronList(req, 'listeners', entries(req).map(({ lb, entry }) => listenerView(lb, entry)))));
  api.get('/lbaas/listeners/:id', (req, res) => {
    const { lb, entry } = findListener(req, String(req.params.id));
    res.json({ listener: selectFields(req, listenerView(lb, entry)) });
  });
  api.post('/lbaas/listeners', (req, res) => {
    const { listener: input } = parseBody(createListenerSchema, req.body ?? {});
    const view = findLb(req, input.loadbalancer_id);
    const created = loadBalancers.addListener(projectOf(req), view.loadBalancer.id, listenerAndPool(req, input, view.loadBalancer.vipSubnetId));
    const { lb, entry } = findListener(req, created.id);
    res.status(201).json({ listener: listenerView(lb, entry) });
  });
  api.put('/lbaas/listeners/:id', (req, res) => {
    const { listener: input } = parseBody(updateListenerSchema, req.body ?? {});
    const { lb, entry } = findListener(req, String(req.params.id));
    loadBalancers.updateListener(projectOf(req), lb.id, entry.listener.id, {
      ...(input.connection_limit !== undefined && input.connection_limit !== -1 ? { connectionLimit: input.connection_limit } : {}),
      ...(input.timeout_client_data !== undefined ? { keepAliveTimeoutSeconds: Math.max(1, Math.round(input.timeout_client_data / 1000)) } : {}),
      ...(input.allowed_cidrs !== undefined ? { allowedCidrs: input.allowed_cidrs ?? [] } : {}),
    });
    const after = findListener(req, entry.listener.id);
    res.json({ listener: listenerView(after.lb, after.entry) });
  });
  api.delete('/lbaas/listeners/:id', (req, res) => {
    const { lb, entry } = findListener(req, String(req.params.id));
    loadBalancers.deleteListener(projectOf(req), lb.id, entry.listener.id);
    res.status(204).end();
  });

  // Pools (one per listener: the listener's default pool).
  api.get('/lbaas/pools', (req, res) => res.json(neutronList(req, 'pools', entries(req).map(({ lb, entry }) => poolView(lb, entry)))));
  api.get('/lbaas/pools/:id', (req, res) => {
    const { lb, entry } = findPool(req, String(req.params.id));
    res.json({ pool: selectFields(req, poolView(lb, entry)) });
  });
  api.post('/lbaas/pools', () => {
    throw new OsError(400, 'Sandcloud creates a listener together with its pool: create the listener with default_pool (members and healthmonitor included)');
  });
  api.put('/lbaas/pools/:id', (req, res) => {
    const { pool: input } = parseBody(updatePoolSchema, req.body ?? {});
    const { lb, entry } = findPool(req, String(req.params.id));
    loadBalancers.updateListener(projectOf(req), lb.id, entry.listener.id, {
      ...(input.lb_algorithm ? { lbAlgorithm: input.lb_algorithm } : {}),
      ...(input.session_persistence !== undefined
        ? { sessionPersistence: input.session_persistence ? { type: input.session_persistence.type, cookieName: input.session_persistence.cookie_name ?? null } : null }
        : {}),
    });
    const after = findPool(req, entry.pool.id);
    res.json({ pool: poolView(after.lb, after.entry) });
  });
  api.delete('/lbaas/pools/:id', (req, res) => {
    const { lb, entry } = findPool(req, String(req.params.id));
    // The pool goes with its listener.
    loadBalancers.deleteListener(projectOf(req), lb.id, entry.listener.id);
    res.status(204).end();
  });

  // Members.
  const memberOf = (ref: PoolRef, id: string) => {
    const member = ref.entry.members.find((m) => m.id === id);
    if (!member) throw missing('Member', id);
    return member;
  };
  api.get('/lbaas/pools/:poolId/members', (req, res) => res.json(neutronList(req, 'members', findPool(req, String(req.params.poolId)).entry.members.map(memberView))));
  api.get('/lbaas/pools/:poolId/members/:id', (req, res) => res.json({ member: selectFields(req, memberView(memberOf(findPool(req, String(req.params.poolId)), String(req.params.id)))) }));
  api.post('/lbaas/pools/:poolId/members', (req, res) => {
    const { member: input } = parseBody(createMemberSchema, req.body ?? {});
    const ref = findPool(req, String(req.params.poolId));
    if (input.protocol_port !== ref.entry.pool.memberPort) {
      throw new OsError(400, `Sandcloud pools send traffic to one member port: this pool's members listen on ${ref.entry.pool.memberPort}`);
    }
    const instanceId = instanceAt(req, input.address, input.subnet_id ?? ref.lb.vipSubnetId);
    const member = loadBalancers.addMember(projectOf(req), ref.lb.id, ref.entry.listener.id, { instanceId, ...(input.weight !== undefined ? { weight: input.weight } : {}) });
    res.status(201).json({ member: memberView(member) });
  });
  api.put('/lbaas/pools/:poolId/members/:id', (req, res) => {
    const { member: input } = parseBody(updateMemberSchema, req.body ?? {});
    const ref = findPool(req, String(req.params.poolId));
    const member = memberOf(ref, String(req.params.id));
    res.json({ member: memberView(loadBalancers.updateMember(projectOf(req), ref.lb.id, member.id, { weight: input.weight, adminStateUp: input.admin_state_up })) });
  });
  api.delete('/lbaas/pools/:poolId/members/:id', (req, res) => {
    const ref = findPool(req, String(req.params.poolId));
    const member = memberOf(ref, String(req.params.id));
    loadBalancers.removeMember(projectOf(req), ref.lb.id, member.id);
    res.status(204).end();
  });

  // Health monitors (one per pool, always present in Sandcloud).
  const monitored = (req: Request) => entries(req).filter(({ entry }) => entry.pool.healthMonitor);
  api.get('/lbaas/healthmonitors', (req, res) => res.json(neutronList(req, 'healthmonitors', monitored(req).map(({ lb, entry }) => healthMonitorView(lb, entry.pool)))));
  api.get('/lbaas/healthmonitors/:id', (req, res) => {
    const { lb, entry } = findMonitor(req, String(req.params.id));
    res.json({ healthmonitor: selectFields(req, healthMonitorView(lb, entry.pool)) });
  });
  /** Sandcloud's pools always have a monitor: "creating" one on a pool replaces its settings. */
  api.post('/lbaas/healthmonitors', (req, res) => {
    const { healthmonitor: input } = parseBody(healthMonitorBody, req.body ?? {});
    const ref = findPool(req, input.pool_id);
    const pool = loadBalancers.updateHealthMonitor(projectOf(req), ref.lb.id, ref.entry.listener.id, monitorInput(input, ref.entry.pool.memberPort));
    res.status(201).json({ healthmonitor: healthMonitorView(ref.lb, pool) });
  });
  api.put('/lbaas/healthmonitors/:id', (req, res) => {
    const { healthmonitor: input } = parseBody(updateHealthMonitorSchema, req.body ?? {});
    const ref = findMonitor(req, String(req.params.id));
    const current = ref.entry.pool.healthMonitor!;
    const pool = loadBalancers.updateHealthMonitor(
      projectOf(req),
      ref.lb.id,
      ref.entry.listener.id,
      monitorInput(
        {
          type: input.type ?? current.type,
          delay: input.delay ?? current.delaySeconds,
          timeout: input.timeout ?? current.timeoutSeconds,
          max_retries: input.max_retries ?? current.maxRetries,
          ...((input.http_method ?? current.httpMethod) ? { http_method: (input.http_method ?? current.httpMethod)! } : {}),
          ...((input.url_path ?? current.urlPath) ? { url_path: (input.url_path ?? current.urlPath)! } : {}),
          ...((input.expected_codes ?? current.expectedCodes) ? { expected_codes: (input.expected_codes ?? current.expectedCodes)! } : {}),
        },
        current.monitorPort,
      ),
    );
    res.json({ healthmonitor: healthMonitorView(ref.lb, pool) });
  });
  api.delete('/lbaas/healthmonitors/:id', (req) => {
    findMonitor(req, String(req.params.id));
    throw new OsError(409, 'Sandcloud pools always have a health monitor; change it (PUT) or delete the listener');
  });

  // Providers, flavors and quotas, as Octavia lists them for a project.
  api.get('/lbaas/providers', (_req, res) => res.json({ providers: [{ name: 'amphora', description: 'Sandcloud simulated amphora provider' }] }));
  api.get('/lbaas/flavors', (_req, res) => res.json({ flavors: [] }));
  api.get('/lbaas/availabilityzones', (_req, res) => res.json({ availability_zones: [] }));

  const mount: RequestHandler = (req, res, next) => api(req, res, next);
  router.use(['/v2.0', '/v2'], mount);
  router.use((req, res) => res.status(404).json(fault(404, `The resource could not be found: ${req.method} ${req.originalUrl.split('?')[0]}`)));
  router.use(octaviaErrors);
  return router;
}

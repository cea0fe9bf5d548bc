// Octavia's vocabulary, written once for the engine, the API schemas and the console: statuses,
// listener and pool protocols, load-balancing methods, health-monitor types, session persistence,
// the wizard's defaults and limits. A load balancer (a VIP on a subnet) has listeners; each listener
// forwards to its own pool of members watched by a health monitor.

/** Octavia provisioning_status: where the control plane is with the resource. */
export const PROVISIONING_STATUSES = ['ACTIVE', 'PENDING_CREATE', 'PENDING_UPDATE', 'PENDING_DELETE', 'ERROR'] as const;
export type ProvisioningStatus = (typeof PROVISIONING_STATUSES)[number];

/** Provisioning statuses in which a load balancer carries traffic (an update does not interrupt it). */
export const SERVING_PROVISIONING_STATUSES: readonly ProvisioningStatus[] = ['ACTIVE', 'PENDING_UPDATE'];

/** Octavia operating_status: whether it carries traffic, from the health checks. */
export const OPERATING_STATUSES = ['ONLINE', 'DEGRADED', 'OFFLINE', 'NO_MONITOR', 'ERROR'] as const;
export type OperatingStatus = (typeof OPERATING_STATUSES)[number];

/** Load-balancing methods (Octavia `lb_algorithm`). */
export const LB_ALGORITHMS = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP'] as const;
export type LbAlgorithm = (typeof LB_ALGORITHMS)[number];

export const LISTENER_PROTOCOLS = ['TCP', 'HTTP', 'HTTPS', 'TERMINATED_HTTPS'] as const;
export type ListenerProtocol = (typeof LISTENER_PROTOCOLS)[number];

/** The protocol the load balancer speaks to members: TERMINATED_HTTPS decrypts and forwards HTTP. */
export const POOL_PROTOCOLS = ['TCP', 'HTTP', 'HTTPS'] as const;
export type PoolProtocol = (typeof POOL_PROTOCOLS)[number];

export const HEALTH_MONITOR_TYPES = ['TCP', 'HTTP', 'HTTPS'] as const;
export type HealthMonitorType = (typeof HEALTH_MONITOR_TYPES)[number];

export const SESSION_PERSISTENCE_TYPES = ['SOURCE_IP', 'HTTP_COOKIE', 'APP_COOKIE'] as const;
export type SessionPersistenceType = (typeof SESSION_PERSISTENCE_TYPES)[number];

export const HEALTH_HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] as const;
export type HealthHttpMethod = (typeof HEALTH_HTTP_METHODS)[number];

export const LOAD_BALANCER_ACTIONS = ['update', 'delete'] as const;
export type LoadBalancerAction = (typeof LOAD_BALANCER_ACTIONS)[number];

/** Cookies can only be read by a load balancer that speaks HTTP to the client. */
export const COOKIE_PERSISTENCE_PROTOCOLS: readonly ListenerProtocol[] = ['HTTP', 'TERMINATED_HTTPS'];

/** Values the wizard starts with (and the API assumes when a field is left out). */
export const LB_DEFAULTS = {
  connectionLimit: 2000,
  keepAliveTimeoutSeconds: 300,
  weight: 1,
  delaySeconds: 5,
  timeoutSeconds: 5,
  maxRetries: 3,
  httpMethod: 'GET',
  urlPath: '/',
  expectedCodes: '200',
} as const;

export const LB_LIMITS = {
  connectionLimit: { min: 1, max: 100_000 },
  keepAliveTimeoutSeconds: { min: 1, max: 3600 },
  delaySeconds: { min: 1, max: 3600 },
  timeoutSeconds: { min: 1, max: 3600 },
  maxRetries: { min: 1, max: 10 },
  weight: { min: 0, max: 256 },
  members: 50,
} as const;

export const poolProtocolFor = (protocol: ListenerProtocol): PoolProtocol =>
  protocol === 'TERMINATED_HTTPS' ? 'HTTP' : protocol;

/** A listener's display name, e.g. "HTTP:80". */
export const listenerName = (protocol: ListenerProtocol, port: number): string => `${protocol}:${port}`;

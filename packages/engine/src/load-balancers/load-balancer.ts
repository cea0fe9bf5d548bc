import type { ResourceBase } from '../store/resource-store.ts';

// The Octavia resource model: a load balancer (a VIP port on a subnet) has listeners; each listener
// forwards to its own pool; a pool has members (instances) and a health monitor. Every resource is a
// row of the generic store; `status` is Octavia's provisioning_status.

export const LB_ALGORITHMS = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP'] as const;
export const LISTENER_PROTOCOLS = ['TCP', 'HTTP', 'HTTPS', 'TERMINATED_HTTPS'] as const;
export const HEALTH_MONITOR_TYPES = ['TCP', 'HTTP', 'HTTPS'] as const;
export const SESSION_PERSISTENCE_TYPES = ['SOURCE_IP', 'HTTP_COOKIE', 'APP_COOKIE'] as const;
export const HEALTH_HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] as const;

export type LbAlgorithm = (typeof LB_ALGORITHMS)[number];
export type ListenerProtocol = (typeof LISTENER_PROTOCOLS)[number];
export type HealthMonitorType = (typeof HEALTH_MONITOR_TYPES)[number];
export type SessionPersistenceType = (typeof SESSION_PERSISTENCE_TYPES)[number];
export type HealthHttpMethod = (typeof HEALTH_HTTP_METHODS)[number];
/** The protocol the load balancer speaks to members: TERMINATED_HTTPS decrypts and forwards HTTP. */
export type PoolProtocol = 'TCP' | 'HTTP' | 'HTTPS';

/** Octavia provisioning_status: where the control plane is with the resource. */
export type ProvisioningStatus = 'ACTIVE' | 'PENDING_CREATE' | 'PENDING_UPDATE' | 'PENDING_DELETE' | 'ERROR';
/** Octavia operating_status: whether it carries traffic, from the health checks. */
export type OperatingStatus = 'ONLINE' | 'DEGRADED' | 'OFFLINE' | 'NO_MONITOR' | 'ERROR';

export const LB_KINDS = {
  loadBalancer: 'load-balancer',
  listener: 'lb-listener',
  pool: 'lb-pool',
  member: 'lb-member',
} as const;

/** Counters the data plane adds to (`LoadBalancerService.recordTraffic`); zeros until it does. */
export interface LoadBalancerStats {
  totalConnections: number;
  activeConnections: number;
  totalRequests: number;
  requestErrors: number;
  bytesIn: number;
  bytesOut: number;
}

export const EMPTY_STATS: LoadBalancerStats = {
  totalConnections: 0,
  activeConnections: 0,
  totalRequests: 0,
  requestErrors: 0,
  bytesIn: 0,
  bytesOut: 0,
};

export interface LoadBalancer extends ResourceBase {
  status: ProvisioningStatus;
  operatingStatus: OperatingStatus;
  description: string;
  vipNetworkId: string;
  vipSubnetId: string;
  vipPortId: string | null;
  vipAddress: string;
  stats: LoadBalancerStats;
  /** Why the load balancer is in ERROR (its VIP port or subnet is gone). */
  errorReason: string | null;
}

/** What TERMINATED_HTTPS presents; the PEMs are kept for the data plane, never sent to clients. */
export interface ListenerCertificate {
  certificatePem: string;
  privateKeyPem: string;
  subject: string;
  issuer: string;
  subjectAltName: string | null;
  notBefore: number;
  notAfter: number;
  fingerprint256: string;
}

export interface Listener extends ResourceBase {
  status: ProvisioningStatus;
  loadBalancerId: string;
  protocol: ListenerProtocol;
  protocolPort: number;
  connectionLimit: number;
  /** Octavia `timeout_client_data`, in seconds here: how long an idle keep-alive connection is kept. */
  keepAliveTimeoutSeconds: number;
  /** Octavia `allowed_cidrs`: sources allowed to reach the listener; empty allows everyone. */
  allowedCidrs: string[];
  certificate: ListenerCertificate | null;
  poolId: string;
}

export interface SessionPersistence {
  type: SessionPersistenceType;
  cookieName: string | null;
}

export interface HealthMonitor {
  type: HealthMonitorType;
  /** The member port the check connects to (`[Health Port]`). */
  monitorPort: number;
  delaySeconds: number;
  timeoutSeconds: number;
  /** Consecutive failures before a member goes OFFLINE, and successes before it comes back. */
  maxRetries: number;
  httpMethod: HealthHttpMethod | null;
  urlPath: string | null;
  expectedCodes: string | null;
}

export interface Pool extends ResourceBase {
  status: ProvisioningStatus;
  loadBalancerId: string;
  listenerId: string;
  protocol: PoolProtocol;
  lbAlgorithm: LbAlgorithm;
  /** `[Instance Port]`: the port members are sent traffic on. */
  memberPort: number;
  sessionPersistence: SessionPersistence | null;
  healthMonitor: HealthMonitor | null;
}

/** Consecutive results of the health checks, persisted so a restart does not forget them. */
export interface MemberHealth {
  consecutiveSuccesses: number;
  consecutiveFailures: number;
}

export interface Member extends ResourceBase {
  status: ProvisioningStatus;
  operatingStatus: OperatingStatus;
  loadBalancerId: string;
  poolId: string;
  instanceId: string;
  subnetId: string;
  address: string;
  protocolPort: number;
  weight: number;
  adminStateUp: boolean;
  health: MemberHealth;
}

/** What a user may ask of a load balancer (`LOAD_BALANCER_LIFECYCLE` in `@sandcloud/domain` runs it). */
export type LoadBalancerAction = 'update' | 'delete';

export const poolProtocolFor = (protocol: ListenerProtocol): PoolProtocol =>
  protocol === 'TERMINATED_HTTPS' ? 'HTTP' : protocol;

export const listenerName = (protocol: ListenerProtocol, port: number): string => `${protocol}:${port}`;

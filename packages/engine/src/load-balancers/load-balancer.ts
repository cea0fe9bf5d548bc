import type {
  HealthHttpMethod,
  HealthMonitorType,
  LbAlgorithm,
  ListenerProtocol,
  OperatingStatus,
  PoolProtocol,
  ProvisioningStatus,
  SessionPersistenceType,
} from '@sandcloud/domain';
import type { ResourceBase } from '../store/resource-store.ts';

// The Octavia resource model: a load balancer (a VIP port on a subnet) has listeners; each listener
// forwards to its own pool; a pool has members (instances) and a health monitor. Every resource is a
// row of the generic store; `status` is Octavia's provisioning_status. The vocabulary (statuses,
// protocols, methods) comes from `@sandcloud/domain`.

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
  /** The VIP is a port the user gave (`vip_port_id`): freed, not deleted, with the load balancer. */
  vipPortGiven?: boolean;
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
  /** Its default pool; null for a listener created on its own (Octavia) until a pool is given to it. */
  poolId: string | null;
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
  /** The listener it is the default pool of; null for a pool created on the load balancer only (Octavia). */
  listenerId: string | null;
  protocol: PoolProtocol;
  lbAlgorithm: LbAlgorithm;
  /** `[Instance Port]`: the port members are sent traffic on (0 for a pool created empty, until its first member). */
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


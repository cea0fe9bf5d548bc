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

/**
 * Octavia's API speaks more protocols than the console offers: UDP and SCTP listeners and pools, and
 * pools that send the PROXY protocol (v1, v2) to their members. The model keeps them; the data plane
 * carries only what it can (TCP, HTTP, TLS termination): see `SIMULATED_POOL_PROTOCOLS`.
 */
export type OctaviaListenerProtocol = ListenerProtocol | 'UDP' | 'SCTP';
export type OctaviaPoolProtocol = PoolProtocol | 'PROXY' | 'PROXYV2' | 'UDP' | 'SCTP';
export const OCTAVIA_LISTENER_PROTOCOLS: readonly OctaviaListenerProtocol[] = ['HTTP', 'HTTPS', 'TCP', 'TERMINATED_HTTPS', 'UDP', 'SCTP'];
export const OCTAVIA_POOL_PROTOCOLS: readonly OctaviaPoolProtocol[] = ['HTTP', 'HTTPS', 'TCP', 'PROXY', 'PROXYV2', 'UDP', 'SCTP'];
/** Pool protocols whose traffic the data plane forwards; a listener whose pool speaks another takes no connection. */
export const SIMULATED_POOL_PROTOCOLS: readonly OctaviaPoolProtocol[] = ['HTTP', 'HTTPS', 'TCP'];
/** Octavia's listener → pool protocol map (`VALID_LISTENER_POOL_PROTOCOL_MAP`). */
export const LISTENER_POOL_PROTOCOLS: Record<OctaviaListenerProtocol, readonly OctaviaPoolProtocol[]> = {
  TCP: ['HTTP', 'HTTPS', 'PROXY', 'PROXYV2', 'TCP'],
  HTTP: ['HTTP', 'PROXY', 'PROXYV2'],
  HTTPS: ['HTTPS', 'PROXY', 'PROXYV2', 'TCP'],
  TERMINATED_HTTPS: ['HTTP', 'PROXY', 'PROXYV2'],
  UDP: ['UDP'],
  SCTP: ['SCTP'],
};
/**
 * Octavia's monitor types. PING asks whether the guest answers ICMP from the VIP under its security
 * groups; TLS-HELLO is a TCP connect here (the simulated guests have no TLS handshake to check);
 * UDP-CONNECT and SCTP always fail: no simulated guest answers UDP or SCTP.
 */
export type OctaviaHealthMonitorType = HealthMonitorType | 'PING' | 'UDP-CONNECT' | 'TLS-HELLO' | 'SCTP';
export const OCTAVIA_HEALTH_MONITOR_TYPES: readonly OctaviaHealthMonitorType[] = ['HTTP', 'HTTPS', 'TCP', 'PING', 'UDP-CONNECT', 'TLS-HELLO', 'SCTP'];

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
  /** Octavia `admin_state_up`; false: none of its listeners takes traffic (absent on older rows: true). */
  adminStateUp?: boolean;
}

/** Rows written before `admin_state_up` existed are enabled. */
export const enabled = (resource: { adminStateUp?: boolean | undefined }): boolean => resource.adminStateUp !== false;

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
  protocol: OctaviaListenerProtocol;
  protocolPort: number;
  description?: string;
  /** false: the listener accepts no connection (Octavia's disabled listener). */
  adminStateUp?: boolean;
  /** Octavia `insert_headers` switched on: the data plane adds them to each request it forwards (`insert-headers.ts`). */
  insertHeaders?: Partial<Record<'X-Forwarded-For' | 'X-Forwarded-Port' | 'X-Forwarded-Proto', boolean>>;
  connectionLimit: number;
  /** Octavia `timeout_client_data`, in seconds here: how long an idle keep-alive connection is kept. */
  keepAliveTimeoutSeconds: number;
  /** Octavia `allowed_cidrs`: sources allowed to reach the listener; empty allows everyone. */
  allowedCidrs: string[];
  certificate: ListenerCertificate | null;
  /** What the data plane carried through this listener (Octavia's listener statistics); absent until it carries something. */
  stats?: LoadBalancerStats;
  /** Its default pool; null for a listener created on its own (Octavia) until a pool is given to it. */
  poolId: string | null;
}

export interface SessionPersistence {
  type: SessionPersistenceType;
  cookieName: string | null;
}

export interface HealthMonitor {
  type: OctaviaHealthMonitorType;
  /** Octavia's monitor name (the console's checks have none). */
  name?: string;
  /** false: the monitor does not check; its members are not health-checked (as without a monitor). */
  adminStateUp?: boolean;
  /** The member port the check connects to (`[Health Port]`). */
  monitorPort: number;
  delaySeconds: number;
  timeoutSeconds: number;
  /** Consecutive failures before a member goes OFFLINE, and successes before it comes back. */
  maxRetries: number;
  /** Octavia `max_retries_down`: consecutive failures before a member goes OFFLINE (absent: `maxRetries`). */
  maxRetriesDown?: number;
  httpMethod: HealthHttpMethod | null;
  urlPath: string | null;
  expectedCodes: string | null;
}

export interface Pool extends ResourceBase {
  status: ProvisioningStatus;
  loadBalancerId: string;
  /** The listener it is the default pool of; null for a pool created on the load balancer only (Octavia). */
  listenerId: string | null;
  protocol: OctaviaPoolProtocol;
  description?: string;
  /** false: the pool sends nothing to its members (its listener refuses connections). */
  adminStateUp?: boolean;
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
  /**
   * The project server that owns `address` on the member subnet when the member was added; '' when
   * no server does (Octavia members are addresses): such a member gets no traffic and fails its checks.
   */
  instanceId: string;
  subnetId: string;
  address: string;
  protocolPort: number;
  /** Octavia `monitor_address` / `monitor_port`: where the health check goes instead of address:port. */
  monitorAddress?: string | null;
  monitorPort?: number | null;
  /** The server owning `monitorAddress` ('' when none: the check fails). */
  monitorInstanceId?: string;
  weight: number;
  adminStateUp: boolean;
  health: MemberHealth;
}


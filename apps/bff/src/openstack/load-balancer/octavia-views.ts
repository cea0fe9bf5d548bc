import { createHash } from 'node:crypto';
import type { LoadBalancer, LoadBalancerListener, LoadBalancerMember, LoadBalancerParts, LoadBalancerPool, LoadBalancerPoolView } from '@sandcloud/engine';
import { osTime } from '../common.ts';

/** Sandcloud keeps a pool's health monitor inside the pool: its Octavia id is derived from the pool's. */
export function healthMonitorId(poolId: string): string {
  const hex = createHash('sha256').update(`healthmonitor/${poolId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const owner = (projectId: string | null) => ({ project_id: projectId!, tenant_id: projectId! });
const times = (resource: { createdAt: number; updatedAt: number }) => ({ created_at: osTime(resource.createdAt), updated_at: osTime(resource.updatedAt) });
const serving = (lb: LoadBalancer) => lb.status === 'ACTIVE' || lb.status === 'PENDING_UPDATE';
/** `admin_state_up` (rows written before it existed are enabled). */
const up = (resource: { adminStateUp?: boolean | undefined }) => resource.adminStateUp !== false;

/** Octavia's load balancer: ONLINE once its amphora runs, even before it has a listener with members; OFFLINE disabled. */
export function loadBalancerOperatingStatus(parts: LoadBalancerParts) {
  const lb = parts.loadBalancer;
  if (!up(lb)) return 'OFFLINE';
  const forwarding = parts.listeners.some((listener) => listener.poolId !== null);
  return serving(lb) && !forwarding ? 'ONLINE' : lb.operatingStatus;
}

export function loadBalancerView(parts: LoadBalancerParts) {
  const lb = parts.loadBalancer;
  return {
    id: lb.id,
    name: lb.name,
    description: lb.description,
    provisioning_status: lb.status,
    operating_status: loadBalancerOperatingStatus(parts),
    admin_state_up: up(lb),
    ...owner(lb.projectId),
    ...times(lb),
    vip_address: lb.vipAddress,
    vip_port_id: lb.vipPortId,
    vip_subnet_id: lb.vipSubnetId,
    vip_network_id: lb.vipNetworkId,
    vip_qos_policy_id: null,
    listeners: parts.listeners.map((listener) => ({ id: listener.id })),
    pools: parts.pools.map(({ pool }) => ({ id: pool.id })),
    provider: 'sandcloud',
    flavor_id: null,
    availability_zone: null,
    tags: [],
  };
}

/** A listener without a pool is ONLINE (it answers, with nothing behind it); with one, its pool's status; OFFLINE disabled. */
export function listenerOperatingStatus(parts: LoadBalancerParts, listener: LoadBalancerListener) {
  if (!serving(parts.loadBalancer) || !up(parts.loadBalancer) || !up(listener)) return 'OFFLINE';
  const pool = parts.pools.find((entry) => entry.pool.id === listener.poolId);
  if (pool && !up(pool.pool)) return 'OFFLINE';
  return pool && pool.members.length > 0 ? pool.operatingStatus : 'ONLINE';
}

/** A listener as Octavia shows it; `l7PolicyIds` are its L7 policies in position order. */
export function listenerView(parts: LoadBalancerParts, listener: LoadBalancerListener, l7PolicyIds: readonly string[] = []) {
  const lb = parts.loadBalancer;
  return {
    id: listener.id,
    name: listener.name,
    description: listener.description ?? '',
    provisioning_status: listener.status,
    operating_status: listenerOperatingStatus(parts, listener),
    admin_state_up: up(listener),
    protocol: listener.protocol,
    protocol_port: listener.protocolPort,
    connection_limit: listener.connectionLimit,
    default_tls_container_ref: null,
    sni_container_refs: [],
    ...owner(listener.projectId),
    default_pool_id: listener.poolId,
    l7policies: l7PolicyIds.map((id) => ({ id })),
    insert_headers: Object.fromEntries(Object.entries(listener.insertHeaders ?? {}).map(([header, on]) => [header, String(on)])),
    ...times(listener),
    loadbalancers: [{ id: lb.id }],
    timeout_client_data: listener.keepAliveTimeoutSeconds * 1000,
    timeout_member_connect: 5000,
    timeout_member_data: 50000,
    timeout_tcp_inspect: 0,
    tags: [],
    client_ca_tls_container_ref: null,
    client_authentication: 'NONE',
    client_crl_container_ref: null,
    allowed_cidrs: listener.allowedCidrs.length > 0 ? listener.allowedCidrs : null,
    tls_ciphers: null,
    tls_versions: null,
    alpn_protocols: null,
  };
}

/** A pool on no listener takes no traffic (OFFLINE); on one, ONLINE while empty, else its members' summary; OFFLINE disabled. */
export function poolOperatingStatus(lb: LoadBalancer, { pool, members, operatingStatus }: LoadBalancerPoolView) {
  if (!serving(lb) || !up(lb) || !up(pool) || !pool.listenerId) return 'OFFLINE';
  return members.length > 0 ? operatingStatus : 'ONLINE';
}

export function poolView(lb: LoadBalancer, entry: LoadBalancerPoolView) {
  const { pool, members } = entry;
  return {
    id: pool.id,
    name: pool.name,
    description: pool.description ?? '',
    provisioning_status: pool.status,
    operating_status: poolOperatingStatus(lb, entry),
    admin_state_up: up(pool),
    protocol: pool.protocol,
    lb_algorithm: pool.lbAlgorithm,
    session_persistence: pool.sessionPersistence ? { type: pool.sessionPersistence.type, cookie_name: pool.sessionPersistence.cookieName } : null,
    ...owner(pool.projectId),
    loadbalancers: [{ id: lb.id }],
    listeners: pool.listenerId ? [{ id: pool.listenerId }] : [],
    members: members.map((member) => ({ id: member.id })),
    healthmonitor_id: pool.healthMonitor ? healthMonitorId(pool.id) : null,
    ...times(pool),
    tags: [],
    tls_container_ref: null,
    ca_tls_container_ref: null,
    crl_container_ref: null,
    tls_enabled: false,
    tls_ciphers: null,
    tls_versions: null,
    alpn_protocols: null,
  };
}

export function memberView(member: LoadBalancerMember) {
  return {
    id: member.id,
    name: member.name,
    operating_status: member.operatingStatus,
    provisioning_status: member.status,
    admin_state_up: member.adminStateUp,
    address: member.address,
    protocol_port: member.protocolPort,
    weight: member.weight,
    backup: false,
    subnet_id: member.subnetId,
    ...owner(member.projectId),
    ...times(member),
    monitor_address: member.monitorAddress ?? null,
    monitor_port: member.monitorPort ?? null,
    tags: [],
  };
}

export function healthMonitorView(lb: LoadBalancer, pool: LoadBalancerPool) {
  const monitor = pool.healthMonitor!;
  return {
    id: healthMonitorId(pool.id),
    name: monitor.name ?? '',
    type: monitor.type,
    delay: monitor.delaySeconds,
    timeout: monitor.timeoutSeconds,
    max_retries: monitor.maxRetries,
    max_retries_down: monitor.maxRetriesDown ?? monitor.maxRetries,
    http_method: monitor.httpMethod,
    url_path: monitor.urlPath,
    expected_codes: monitor.expectedCodes,
    admin_state_up: up(monitor),
    ...owner(pool.projectId),
    pools: [{ id: pool.id }],
    provisioning_status: pool.status,
    // Octavia: ONLINE while enabled, OFFLINE when admin_state_up is false.
    operating_status: serving(lb) && up(monitor) ? 'ONLINE' : 'OFFLINE',
    ...times(pool),
    http_version: null,
    domain_name: null,
    tags: [],
  };
}

import {
  cidrContains,
  ipFamily,
  SERVING_PROVISIONING_STATUSES,
  type OperatingStatus,
  type ProvisioningStatus,
} from '@sandcloud/domain';
import type { OctaviaListenerProtocol } from './load-balancer.ts';

// The verdict on traffic from the Internet to a load balancer's floating IP, with a reason a
// learner can act on. Octavia manages the VIP port's security group itself (it opens exactly the
// listener ports), so the project's security groups do not apply to the VIP; they do apply on the
// second leg, from the load balancer to each member.

export type LoadBalancerReachabilityCode =
  | 'NO_FLOATING_IP'
  | 'NO_INTERNET_GATEWAY'
  | 'LOAD_BALANCER_NOT_ACTIVE'
  | 'NO_LISTENER'
  | 'SOURCE_NOT_ALLOWED'
  | 'NO_HEALTHY_MEMBER'
  | 'MEMBERS_BLOCKED'
  | 'ALLOWED_BY_LISTENER';

export interface ReachabilityMember {
  name: string;
  address: string;
  port: number;
  adminStateUp: boolean;
  operatingStatus: OperatingStatus;
  /** Whether the member's security groups let the load balancer's traffic in, and why. */
  admitsLoadBalancer: { allowed: boolean; message: string };
}

export interface ReachabilityListener {
  id: string;
  name: string;
  protocol: OctaviaListenerProtocol;
  protocolPort: number;
  allowedCidrs: string[];
  lbAlgorithm: string;
  members: ReachabilityMember[];
}

export interface LoadBalancerReachabilityQuery {
  sourceIp: string;
  port: number;
  loadBalancer: {
    name: string;
    status: ProvisioningStatus;
    floatingIp: string | null;
    vipAddress: string;
    /** Why the VIP's subnet has no route to an internet gateway, or null/absent when it has one (as for an instance). */
    noInternetRoute?: string | null;
  };
  listeners: ReachabilityListener[];
}

export interface LoadBalancerReachabilityVerdict {
  /**
   * What a connection to the floating IP gets: dropped (no answer) when it cannot reach a listener,
   * accepted by the listener otherwise (which answers 503 itself when no member can take it).
   */
  action: 'accept' | 'drop';
  allowed: boolean;
  target: string;
  reason: { code: LoadBalancerReachabilityCode; message: string };
  listener: { id: string; name: string } | null;
  members: { name: string; address: string; port: number; operatingStatus: OperatingStatus; reachable: boolean; reason: string }[];
}

/** Codes that leave a connection to the floating IP unanswered; with the others the listener takes it. */
const DROPPED: ReadonlySet<LoadBalancerReachabilityCode> = new Set(['NO_FLOATING_IP', 'NO_INTERNET_GATEWAY', 'LOAD_BALANCER_NOT_ACTIVE', 'NO_LISTENER', 'SOURCE_NOT_ALLOWED']);

/** Statuses in which the load balancer's data plane runs (Octavia keeps serving while PENDING_UPDATE). */
const SERVING = SERVING_PROVISIONING_STATUSES;

export function checkLoadBalancerReachability(query: LoadBalancerReachabilityQuery): LoadBalancerReachabilityVerdict {
  const { sourceIp, port, loadBalancer: lb } = query;
  if (ipFamily(sourceIp) !== 'IPv4') throw new TypeError(`Source address ${sourceIp} is not an IPv4 address`);
  const target = `${lb.floatingIp ?? lb.vipAddress}:${port}`;
  const verdict = (code: LoadBalancerReachabilityCode, message: string, listener: ReachabilityListener | null = null): LoadBalancerReachabilityVerdict => ({
    action: DROPPED.has(code) ? 'drop' : 'accept',
    allowed: code === 'ALLOWED_BY_LISTENER',
    target,
    reason: { code, message },
    listener: listener ? { id: listener.id, name: listener.name } : null,
    members: (listener?.members ?? []).map((member) => ({
      name: member.name,
      address: member.address,
      port: member.port,
      operatingStatus: member.operatingStatus,
      reachable: carriesTraffic(member) && member.admitsLoadBalancer.allowed,
      reason: !member.adminStateUp
        ? `${member.name} is disabled`
        : !carriesTraffic(member)
          ? `${member.name} is ${member.operatingStatus} by the health check`
          : member.admitsLoadBalancer.message,
    })),
  });

  if (lb.floatingIp === null) {
    return verdict(
      'NO_FLOATING_IP',
      `${lb.name} has no floating IP, so traffic from ${sourceIp} on the Internet cannot reach it; its address ${lb.vipAddress} is only routed inside its network. Connect a floating IP to the load balancer's port first.`,
    );
  }
  if (lb.noInternetRoute) {
    return verdict(
      'NO_INTERNET_GATEWAY',
      `Traffic from ${sourceIp} to ${lb.floatingIp}:${port} gets no answer from ${lb.name}: no route to an internet gateway (${lb.noInternetRoute}). Attach the internet gateway to the routing table of its subnet.`,
    );
  }
  if (!SERVING.includes(lb.status)) {
    return verdict('LOAD_BALANCER_NOT_ACTIVE', `${lb.name} is ${lb.status}, so nothing answers on ${lb.floatingIp}:${port}.`);
  }
  const listener = query.listeners.find((candidate) => candidate.protocolPort === port);
  if (!listener) {
    const ports = query.listeners.map((candidate) => `${candidate.protocol} ${candidate.protocolPort}`).join(', ');
    return verdict(
      'NO_LISTENER',
      `${lb.name} has no listener on port ${port}, so the connection from ${sourceIp} is refused. It listens on ${ports || 'no port'}; add a listener for port ${port} to serve it.`,
    );
  }
  if (listener.allowedCidrs.length > 0 && !listener.allowedCidrs.some((cidr) => cidrContains(cidr, sourceIp))) {
    return verdict(
      'SOURCE_NOT_ALLOWED',
      `Listener ${listener.name} only accepts ${listener.allowedCidrs.join(', ')}; ${sourceIp} is not in them.`,
      listener,
    );
  }
  const healthy = listener.members.filter(carriesTraffic);
  if (healthy.length === 0) {
    const why = listener.members.length === 0 ? 'has no members' : 'has no member passing its health check';
    return verdict(
      'NO_HEALTHY_MEMBER',
      `Listener ${listener.name} accepts the connection, but its pool ${why}, so ${listener.protocol === 'TCP' ? 'the connection is closed' : 'it answers 503 Service Unavailable'}.`,
      listener,
    );
  }
  const admitted = healthy.filter((member) => member.admitsLoadBalancer.allowed);
  if (admitted.length === 0) {
    const names = healthy.map((member) => member.name).join(', ');
    return verdict(
      'MEMBERS_BLOCKED',
      `Listener ${listener.name} accepts the connection, but the security groups of ${names} do not allow TCP ${healthy[0]!.port} from the load balancer (${lb.vipAddress}). Add an ingress rule for that port.`,
      listener,
    );
  }
  return verdict(
    'ALLOWED_BY_LISTENER',
    `Listener ${listener.name} of ${lb.name} accepts ${sourceIp} and forwards to ${admitted.length} of ${listener.members.length} members (${listener.lbAlgorithm}).`,
    listener,
  );
}

function carriesTraffic(member: ReachabilityMember): boolean {
  return member.adminStateUp && (member.operatingStatus === 'ONLINE' || member.operatingStatus === 'NO_MONITOR');
}

import { macFromIp, NetworkError, type HttpResponse, type InboundHttpRequest, type OutboundHttpRequest, type PingOutcome } from '@sandcloud/guest';
import type { Instance } from '../compute/instance.ts';
import type { FloatingIpService } from '../floating-ips/floating-ip-service.ts';
import { LB_KINDS, type LoadBalancer, type Listener } from '../load-balancers/load-balancer.ts';
import { cidrContains } from '@sandcloud/domain';
import { isServing } from '../load-balancers/load-balancer-records.ts';
import { l7Answer } from '../load-balancers/l7-matching.ts';
import { forwardedHeaders } from '../load-balancers/insert-headers.ts';
import { egressAllows } from '../network/egress.ts';
import { checkReachability, type ReachabilityVerdict, type TrafficProtocol, type TrafficSource } from '../network/reachability.ts';
import { isInstancePort, isLoadBalancerPort } from '../queries/port-owner.ts';
import type { NetworkService, Port } from '../networking/network-service.ts';
import type { SecurityGroupService } from '../security-groups/security-group-service.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import type { LoadBalancerRouting } from '../traffic/load-balancer-routing.ts';

/** Where an address leads inside the simulation. */
export type Destination =
  | { kind: 'instance'; instance: Instance; port: Port; floatingIp: string | null; viaFloatingIp: boolean }
  | { kind: 'port'; port: Port; viaFloatingIp: boolean }
  | { kind: 'external' };

/** Routing the router does for addresses an instance talks to from inside. */
const ROUTER_SNAT_ADDRESS = '203.0.113.1';

export type HttpDelivery = (instanceId: string, port: number, request: InboundHttpRequest) => Promise<HttpResponse | null>;

/**
 * The simulated network seen from inside guests: ping and HTTP between instances (private or
 * floating addresses) and out to the Internet, decided by the same security-group evaluation as the
 * console's connectivity test — egress rules of the source, ingress rules of the destination.
 */
export class GuestNetwork {
  constructor(
    private readonly store: ResourceStore,
    private readonly network: NetworkService,
    private readonly floatingIps: FloatingIpService,
    private readonly securityGroups: SecurityGroupService,
    private readonly deliver: HttpDelivery,
    private readonly routing?: LoadBalancerRouting,
  ) {}

  /**
   * Where `ip` leads. Floating IPs are global; a private address only means something inside one
   * network (every project's Default Network is 192.168.0.0/24), so it resolves only within
   * `fromNetworkId` — null for traffic from the Internet, which reaches floating IPs only.
   */
  locate(ip: string, fromNetworkId: string | null, fromSubnetId?: string): Destination {
    const floating = this.floatingIps.byAddress(ip);
    const port = floating?.portId
      ? this.network.getPort(floating.portId)
      : fromNetworkId
        ? this.privatePort(ip, fromNetworkId, fromSubnetId)
        : undefined;
    if (!port) return { kind: 'external' };
    const instance = isInstancePort(port) ? this.store.get<Instance>('instance', port.deviceId) : undefined;
    if (!instance) return { kind: 'port', port, viaFloatingIp: Boolean(floating) };
    return { kind: 'instance', instance, port, floatingIp: this.floatingIps.forPort(port.id)?.address ?? null, viaFloatingIp: Boolean(floating) };
  }

  /**
   * A private address as seen from a subnet: a port of the same VPC, else one on a subnet a
   * routing table connects to `fromSubnetId` (VPCs in one project may reuse ranges).
   */
  private privatePort(ip: string, fromNetworkId: string, fromSubnetId: string | undefined): Port | undefined {
    const candidates = this.store.findBy<Port>('port', 'fixedIp', ip);
    const sameNetwork = candidates.find((p) => p.networkId === fromNetworkId);
    if (sameNetwork || !fromSubnetId) return sameNetwork;
    return candidates.find((p) => this.network.routable(fromSubnetId, p.subnetId));
  }

  /**
   * The source interface for traffic to `ip`: the first of the instance's interfaces from which the
   * address leads somewhere routed (a private address on a connected subnet), else its primary.
   */
  private route(source: Instance, ip: string): Route | undefined {
    let fromPrimary: Route | undefined;
    for (const sourcePort of this.network.interfacesOf(source)) {
      const destination = this.locate(ip, sourcePort.networkId, sourcePort.subnetId);
      const unrouted = destination.kind !== 'external' && !destination.viaFloatingIp && !this.network.routable(sourcePort.subnetId, destination.port.subnetId);
      fromPrimary ??= { sourcePort, destination, unrouted };
      if (destination.kind !== 'external' && !unrouted) return { sourcePort, destination, unrouted };
    }
    return fromPrimary;
  }

  /** Traffic that leaves through the internet gateway (to the Internet or a floating IP) needs one on the source's subnet. */
  private leavesWithoutGateway(sourcePort: Port, destination: Destination): boolean {
    const outside = destination.kind === 'external' || destination.viaFloatingIp;
    return outside && this.network.noInternetRoute(sourcePort) !== null;
  }

  /** An instance as a destination on its own network (a load balancer's member). */
  locateInstance(instanceId: string): Extract<Destination, { kind: 'instance' }> | undefined {
    const instance = this.store.get<Instance>('instance', instanceId);
    const port = instance?.portId ? this.network.getPort(instance.portId) : undefined;
    if (!instance || !port) return undefined;
    return { kind: 'instance', instance, port, floatingIp: this.floatingIps.forPort(port.id)?.address ?? null, viaFloatingIp: false };
  }

  /** Ingress verdict for traffic reaching an instance, from inside the cloud or from the Internet. */
  ingress(destination: Extract<Destination, { kind: 'instance' }>, source: TrafficSource, protocol: TrafficProtocol, port?: number): ReachabilityVerdict {
    const { instance } = destination;
    return checkReachability({
      source,
      protocol,
      ...(port === undefined ? {} : { port }),
      target: {
        instanceName: instance.name,
        status: instance.status,
        powerState: instance.powerState,
        floatingIp: destination.floatingIp,
        privateIp: destination.port.fixedIp,
        securityGroups: this.groupsOf(destination.port),
        noInternetRoute: this.network.noInternetRoute(destination.port),
      },
    });
  }

  async ping(source: Instance, ip: string): Promise<PingOutcome> {
    const routed = this.route(source, ip);
    if (!routed) return { kind: 'unreachable', from: ip };
    const { sourcePort, destination } = routed;
    if (routed.unrouted || this.leavesWithoutGateway(sourcePort, destination)) return { kind: 'unreachable', from: sourcePort.fixedIp };
    const sourceRules = this.groupsOf(sourcePort).flatMap((g) => g.rules);
    const destinationGroups = destination.kind === 'instance' ? destination.port.securityGroupIds : [];
    if (!egressAllows(sourceRules, 'icmp', undefined, ip, destinationGroups)) return { kind: 'timeout' };
    if (destination.kind === 'external') return { kind: 'reply', ttl: 52, rttMs: 8 + (hash(ip) % 20) };
    if (destination.kind === 'port') return { kind: 'reply', ttl: 64, rttMs: 0.4 };
    const verdict = this.ingress(destination, this.sourceFor(source, sourcePort, destination), 'icmp');
    return verdict.allowed ? { kind: 'reply', ttl: 64, rttMs: 0.3 + (hash(ip) % 7) / 10 } : { kind: 'timeout' };
  }

  async http(source: Instance, request: OutboundHttpRequest): Promise<HttpResponse> {
    const url = new URL(request.url);
    const targetPort = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    const routed = this.route(source, url.hostname);
    if (!routed) throw new NetworkError('EHOSTUNREACH', 'No route to host');
    const { sourcePort, destination } = routed;
    if (routed.unrouted || this.leavesWithoutGateway(sourcePort, destination)) throw new NetworkError('EHOSTUNREACH', 'No route to host');
    const sourceRules = this.groupsOf(sourcePort).flatMap((g) => g.rules);
    const destinationGroups = destination.kind === 'instance' ? destination.port.securityGroupIds : [];
    if (!egressAllows(sourceRules, 'tcp', targetPort, url.hostname, destinationGroups)) throw new NetworkError('ETIMEDOUT', 'Connection timed out');
    if (destination.kind === 'port' && isLoadBalancerPort(destination.port)) {
      return this.throughLoadBalancer(destination, destination.viaFloatingIp ? this.publicAddressOf(sourcePort) : sourcePort.fixedIp, targetPort, request, url);
    }
    if (destination.kind !== 'instance') throw new NetworkError('ETIMEDOUT', 'Connection timed out');
    const verdict = this.ingress(destination, this.sourceFor(source, sourcePort, destination), 'tcp', targetPort);
    if (!verdict.allowed) throw new NetworkError('ETIMEDOUT', 'Connection timed out');
    const response = await this.deliver(destination.instance.id, targetPort, {
      method: request.method,
      path: `${url.pathname}${url.search}`,
      clientIp: destination.viaFloatingIp ? this.publicAddressOf(sourcePort) : sourcePort.fixedIp,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    if (!response) throw new NetworkError('ECONNREFUSED', 'Connection refused');
    return response;
  }

  /**
   * A load balancer's VIP (or its floating IP) from inside the cloud balances like from outside:
   * the listener on the port, its allowed CIDRs, a member by the pool's method, the member's
   * security groups for the VIP, and 503 when no member can take the request.
   */
  private async throughLoadBalancer(
    destination: Extract<Destination, { kind: 'port' }>,
    clientIp: string,
    targetPort: number,
    request: OutboundHttpRequest,
    url: URL,
  ): Promise<HttpResponse> {
    const lb = this.store.get<LoadBalancer>(LB_KINDS.loadBalancer, destination.port.deviceId);
    const listener = lb
      ? this.store.list<Listener>(LB_KINDS.listener, lb.projectId).find((candidate) => candidate.loadBalancerId === lb.id && candidate.protocolPort === targetPort)
      : undefined;
    if (!lb || !listener || !isServing(lb) || !this.routing) throw new NetworkError('ETIMEDOUT', 'Connection timed out');
    if (listener.allowedCidrs.length > 0 && !listener.allowedCidrs.some((cidr) => cidrContains(cidr, clientIp))) {
      throw new NetworkError('ETIMEDOUT', 'Connection timed out');
    }
    // The listener's L7 policies: a REJECT or a redirect answers here; REDIRECT_TO_POOL balances over that pool.
    const decision = this.routing.l7Decision(listener, `${url.pathname}${url.search}`, request.headers, url.host);
    const answer = decision ? l7Answer(decision) : null;
    if (answer) return answer;
    const poolId = decision?.action === 'REDIRECT_TO_POOL' ? decision.poolId : null;
    const routing = this.routing;
    const pick = () => (poolId ? routing.pickPoolMember(lb.id, poolId, { clientIp }) : routing.pickMember(lb.id, targetPort, { clientIp })?.member) ?? null;
    // A member that refuses is skipped for the next one (HAProxy's redispatch).
    const tried = new Set<string>();
    for (let next = pick(); next && !tried.has(next.id); next = pick()) {
      tried.add(next.id);
      const member = this.locateInstance(next.instanceId);
      if (!member) continue;
      const verdict = this.ingress(member, { kind: 'instance', ip: lb.vipAddress, securityGroupIds: [] }, 'tcp', next.protocolPort);
      const response = verdict.allowed
        ? await this.deliver(member.instance.id, next.protocolPort, {
            method: request.method,
            path: `${url.pathname}${url.search}`,
            clientIp: lb.vipAddress,
            // Octavia's insert_headers (X-Forwarded-For: the guest that asked), as HAProxy adds them.
            headers: listener.insertHeaders ? { ...request.headers, ...forwardedHeaders(listener, clientIp) } : request.headers,
            ...(request.body === undefined ? {} : { body: request.body }),
          })
        : null;
      if (response) return response;
    }
    const body = '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n';
    return { status: 503, statusText: 'Service Unavailable', headers: { 'Content-Type': 'text/html', 'Cache-Control': 'no-cache', Connection: 'close' }, body };
  }

  /** The prefix length of the port's subnet (24 for the Default Subnet). */
  prefixOf(port: Port): number {
    const cidr = this.network.findSubnet(port.subnetId)?.cidr;
    return cidr ? Number(cidr.split('/')[1]) : 24;
  }

  /** The instance's interfaces besides its primary, as the guest lists them (eth1…). */
  extraInterfacesOf(instance: Instance): { ip: string; prefixLength: number; mac: string }[] {
    return this.network
      .interfacesOf(instance)
      .filter((port) => port.id !== instance.portId && port.fixedIp)
      .map((port) => ({ ip: port.fixedIp, prefixLength: this.prefixOf(port), mac: macFromIp(port.fixedIp) }));
  }

  portOf(instance: Instance): Port | undefined {
    return instance.portId ? this.network.getPort(instance.portId) : undefined;
  }

  groupsOf(port: Port) {
    return this.securityGroups.rulesetsOf(port.projectId, port.securityGroupIds);
  }

  /** Inside the network an instance is itself; through a floating IP it is its public address. */
  private sourceFor(source: Instance, sourcePort: Port, destination: Extract<Destination, { kind: 'instance' }>): TrafficSource {
    if (destination.viaFloatingIp) return { kind: 'internet', ip: this.publicAddressOf(sourcePort) };
    void source;
    return { kind: 'instance', ip: sourcePort.fixedIp, securityGroupIds: sourcePort.securityGroupIds };
  }

  private publicAddressOf(port: Port): string {
    return this.floatingIps.forPort(port.id)?.address ?? ROUTER_SNAT_ADDRESS;
  }
}

/** Where traffic leaves from and goes to; `unrouted` when no routing table connects their subnets. */
interface Route {
  sourcePort: Port;
  destination: Destination;
  unrouted: boolean;
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

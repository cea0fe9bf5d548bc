import type { HttpResponse, InboundHttpRequest } from '@sandcloud/guest';
import type { Instance } from '../compute/instance.ts';
import type { ConnectivityService } from '../connectivity/connectivity-service.ts';
import { DEFAULT_INTERNET_SOURCE } from '../connectivity/connectivity-service.ts';
import { notFound } from '../core/errors.ts';
import type { EventBus, ResourceEvent } from '../core/events.ts';
import type { FloatingIp, FloatingIpService } from '../floating-ips/floating-ip-service.ts';
import type { FlowLogService } from '../flow-logs/flow-log-service.ts';
import type { GuestNetwork } from '../guests/guest-network.ts';
import type { GuestService } from '../guests/guest-service.ts';
import type { HealthProbe } from '../load-balancers/health.ts';
import { LB_KINDS, type Listener, type Member, type Pool } from '../load-balancers/load-balancer.ts';
import { L7_KINDS } from '../load-balancers/l7-policy.ts';
import type { LoadBalancerRecords } from '../load-balancers/load-balancer-records.ts';
import { checkLoadBalancerReachability, type LoadBalancerReachabilityVerdict, type ReachabilityListener } from '../load-balancers/reachability.ts';
import { checkReachability, type ReachabilityVerdict } from '../network/reachability.ts';
import { isInstancePort } from '../queries/port-owner.ts';
import type { NetworkService, Port } from '../networking/network-service.ts';
import type { SecurityGroupService } from '../security-groups/security-group-service.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { flowActionOf, type ConnectionAction, type ConnectionVerdict } from './connection-verdict.ts';
import type { LoadBalancerRouting } from './load-balancer-routing.ts';
import type { MemberHealth } from './member-health.ts';

// The engine's traffic module: what happens to a connection (accept, drop, refuse, and why), which
// member of a load balancer takes a request, and the members' health. Adapters that carry real
// traffic (the data plane) ask it per connection and per request, so it keeps what it reads —
// targets, verdicts, listener settings, instance rows, routes — and forgets all of it at one point:
// an engine event of a kind that can change a verdict, or a guest starting or stopping to listen.
// Whoever keeps something derived from these (the data plane's sockets, the topology's overlay)
// listens to the same point (`onChange`).

/** Engine resource kinds whose changes can change a verdict, a route or an endpoint. */
export const TRAFFIC_KINDS: ReadonlySet<string> = new Set([
  'floating-ip',
  'port',
  // A routing table's internet gateway and interfaces decide whether a floating IP answers at all.
  'router',
  'subnet',
  'instance',
  'security-group',
  'settings',
  LB_KINDS.loadBalancer,
  LB_KINDS.listener,
  LB_KINDS.pool,
  LB_KINDS.member,
  L7_KINDS.policy,
  L7_KINDS.rule,
]);

/** A change that invalidated the traffic module's caches. */
export interface TrafficChange {
  /** A resource kind of `TRAFFIC_KINDS`, or `guest-listener` when a guest started or stopped listening. */
  kind: string;
  change: ResourceEvent['change'];
  projectId: string | null;
}

export interface InstanceTarget {
  kind: 'instance';
  floatingIp: string;
  instance: Instance;
}

export interface LoadBalancerTarget {
  kind: 'load-balancer';
  floatingIp: string;
  loadBalancerId: string;
  projectId: string;
  vipAddress: string;
}

export type TrafficTarget = InstanceTarget | LoadBalancerTarget;

/** A connection from this machine's client address to a floating IP's port, and what it gets. */
export type Connection =
  | { kind: 'instance'; action: ConnectionAction; target: InstanceTarget; verdict: ConnectionVerdict }
  | { kind: 'load-balancer'; action: Exclude<ConnectionAction, 'refuse'>; target: LoadBalancerTarget; verdict: LoadBalancerReachabilityVerdict };

/** A listener's settings as a load balancer's forwarding needs them. */
export interface ListenerRoute {
  loadBalancerId: string;
  vipAddress: string;
  listener: Listener;
  pool: Pool;
}

export class TrafficService {
  private readonly watchers = new Set<(change: TrafficChange) => void>();
  private changes = 0;
  private clientIpCache: string | null = null;
  private readonly targets = new Map<string, TrafficTarget | null>();
  private readonly connections = new Map<string, Connection | null>();
  private readonly listenerRoutes = new Map<string, ListenerRoute | null>();
  private readonly instances = new Map<string, Instance | null>();
  private readonly memberVerdicts = new Map<string, ReachabilityVerdict | null>();
  /** Per member row (rows are read again after every change, so a row is never stale here). */
  private memberAdmissions = new WeakMap<Member, ReachabilityVerdict | null>();
  /** Told of each request a guest answered (the guided tutorial's web-server steps); empty costs nothing. */
  private readonly httpWatchers = new Set<(instanceId: string, port: number, request: InboundHttpRequest, status: number) => void>();

  constructor(
    private readonly store: ResourceStore,
    events: EventBus,
    private readonly settings: SettingsService,
    private readonly deps: {
      network: NetworkService;
      floatingIps: FloatingIpService;
      securityGroups: SecurityGroupService;
      connectivity: ConnectivityService;
      guests: GuestService;
      guestNetwork: GuestNetwork;
      flowLogs: FlowLogService;
      records: LoadBalancerRecords;
      routing: LoadBalancerRouting;
      health: MemberHealth;
    },
  ) {
    events.subscribe((event) => {
      if (TRAFFIC_KINDS.has(event.kind)) this.invalidate({ kind: event.kind, change: event.change, projectId: event.projectId });
    });
    deps.guests.onListenChange((instanceId) => this.invalidate({ kind: 'guest-listener', change: 'updated', projectId: this.projectOf(instanceId) }));
  }

  // ——— the one point of invalidation ———

  /**
   * Calls back after every change that invalidated the caches (they are already empty then), in
   * the order of the changes. Returns the unsubscribe function.
   */
  onChange(watcher: (change: TrafficChange) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Counts the invalidations: something derived at one count is stale at another. */
  get generation(): number {
    return this.changes;
  }

  /** The project of a guest that changed what it listens on (its last sockets may close after the engine did). */
  private projectOf(instanceId: string): string | null {
    try {
      return this.instances.get(instanceId)?.projectId ?? this.store.get<Instance>('instance', instanceId)?.projectId ?? null;
    } catch {
      return null;
    }
  }

  private invalidate(change: TrafficChange): void {
    this.changes++;
    this.clientIpCache = null;
    this.targets.clear();
    this.connections.clear();
    this.listenerRoutes.clear();
    this.instances.clear();
    this.memberVerdicts.clear();
    this.memberAdmissions = new WeakMap();
    this.deps.routing.forget();
    for (const watcher of this.watchers) {
      try {
        watcher(change);
      } catch (error) {
        console.warn('[traffic] a change watcher failed:', (error as Error).message);
      }
    }
  }

  // ——— connections from this machine ———

  /** The address traffic from this machine has inside the simulation (Settings → client public IP). */
  clientIp(): string {
    this.clientIpCache ??= this.settings.clientPublicIp();
    return this.clientIpCache;
  }

  /** What a floating IP leads to now: an instance, a load balancer's VIP, or nothing. */
  targetOf(floatingIp: string): TrafficTarget | null {
    let target = this.targets.get(floatingIp);
    if (target === undefined) {
      const floating = this.store.list<FloatingIp>('floating-ip').find((candidate) => candidate.address === floatingIp);
      target = floating ? this.resolve(floating) : null;
      this.targets.set(floatingIp, target);
    }
    return target;
  }

  /** Every associated floating IP and what it leads to (the data plane binds their endpoints). */
  floatingTargets(): TrafficTarget[] {
    const targets: TrafficTarget[] = [];
    for (const floating of this.store.list<FloatingIp>('floating-ip')) {
      if (!floating.portId) continue;
      const target = this.targetOf(floating.address);
      if (target) targets.push(target);
    }
    return targets;
  }

  /** The ports of a load balancer's listeners, in order. */
  listenerPorts(target: LoadBalancerTarget): number[] {
    const lb = this.deps.records.loadBalancer(target.loadBalancerId);
    return lb ? this.deps.records.listenersOf(lb).map((listener) => listener.protocolPort).sort((a, b) => a - b) : [];
  }

  /**
   * A TCP connection from this machine to `floatingIp`:`port`: accepted, dropped or refused, with
   * the reason the flow log and the connectivity test give. Null when the floating IP leads nowhere.
   */
  connection(floatingIp: string, port: number): Connection | null {
    const key = `${floatingIp}:${port}`;
    let connection = this.connections.get(key);
    if (connection === undefined) {
      connection = this.decide(floatingIp, port);
      this.connections.set(key, connection);
    }
    return connection;
  }

  /** One flow-log entry for a connection to an instance (buffered by the engine, written in batches). */
  recordConnection(connection: Extract<Connection, { kind: 'instance' }>, sourcePort: number | null, port: number): void {
    const { instance, floatingIp } = connection.target;
    this.deps.flowLogs.record({
      instanceId: instance.id,
      projectId: instance.projectId,
      sourceIp: this.clientIp(),
      sourcePort,
      destinationIp: floatingIp,
      protocol: 'tcp',
      port,
      action: flowActionOf(connection.action),
      reasonCode: connection.verdict.reason.code,
      message: connection.verdict.reason.message,
    });
  }

  private decide(floatingIp: string, port: number): Connection | null {
    const target = this.targetOf(floatingIp);
    if (!target) return null;
    if (target.kind === 'instance') {
      const verdict = this.deps.connectivity.tcpFlow(target.instance, port, this.clientIp());
      return { kind: 'instance', action: verdict.action, target, verdict };
    }
    const verdict = this.loadBalancerVerdict(target.projectId, target.loadBalancerId, port, this.clientIp());
    return { kind: 'load-balancer', action: verdict.action, target, verdict };
  }

  private resolve(floating: FloatingIp): TrafficTarget | null {
    const port = floating.portId ? this.deps.network.getPort(floating.portId) : undefined;
    if (!port) return null;
    if (isInstancePort(port)) {
      const destination = this.deps.guestNetwork.locate(floating.address, null);
      return destination.kind === 'instance' ? { kind: 'instance', floatingIp: floating.address, instance: destination.instance } : null;
    }
    const lb = this.deps.records.loadBalancer(port.deviceId);
    if (!lb?.projectId) return null;
    return { kind: 'load-balancer', floatingIp: floating.address, loadBalancerId: lb.id, projectId: lb.projectId, vipAddress: lb.vipAddress };
  }

  // ——— load balancers ———

  /**
   * Does traffic from the Internet (`sourceIp`) to the load balancer's floating IP on `port` get
   * through? Follows the listener ports, their allowed CIDRs, the members' health and whether the
   * members' security groups let the load balancer in.
   */
  loadBalancerVerdict(projectId: string, id: string, port: number, sourceIp = DEFAULT_INTERNET_SOURCE): LoadBalancerReachabilityVerdict {
    const lb = this.deps.records.loadBalancer(id);
    if (!lb || lb.projectId !== projectId) throw notFound('load balancer', id);
    const floatingIp = lb.vipPortId ? this.deps.floatingIps.forPort(lb.vipPortId) : undefined;
    const vipPort = lb.vipPortId ? this.deps.network.getPort(lb.vipPortId) : undefined;
    const groups = this.deps.securityGroups.list(projectId);
    const listeners = this.deps.records.listenersOf(lb).map((listener): ReachabilityListener => {
      const pool = this.deps.records.pool(listener.poolId)!;
      return {
        id: listener.id,
        name: listener.name,
        protocol: listener.protocol,
        protocolPort: listener.protocolPort,
        allowedCidrs: listener.allowedCidrs,
        lbAlgorithm: pool.lbAlgorithm,
        members: this.deps.records.membersOf(pool).map((member) => {
          const instance = this.store.get<Instance>('instance', member.instanceId);
          const memberPort: Port | undefined = instance?.portId ? this.deps.network.getPort(instance.portId) : undefined;
          const groupIds = memberPort?.securityGroupIds ?? instance?.securityGroupIds ?? [];
          const verdict = checkReachability({
            source: { kind: 'instance', ip: lb.vipAddress, securityGroupIds: [] },
            protocol: 'tcp',
            port: member.protocolPort,
            target: {
              instanceName: member.name,
              status: instance?.status ?? 'DELETED',
              ...(instance ? { powerState: instance.powerState } : {}),
              floatingIp: null,
              privateIp: member.address,
              securityGroups: groups.filter((group) => groupIds.includes(group.id)).map((group) => ({ id: group.id, name: group.name, rules: group.rules })),
            },
          });
          return {
            name: member.name,
            address: member.address,
            port: member.protocolPort,
            adminStateUp: member.adminStateUp,
            operatingStatus: member.operatingStatus,
            admitsLoadBalancer: { allowed: verdict.allowed, message: verdict.reason.message },
          };
        }),
      };
    });
    return checkLoadBalancerReachability({
      sourceIp,
      port,
      loadBalancer: { name: lb.name, status: lb.status, floatingIp: floatingIp?.address ?? null, vipAddress: lb.vipAddress, noInternetRoute: vipPort ? this.deps.network.noInternetRoute(vipPort) : null },
      listeners,
    });
  }

  /** The listener on a load balancer's port with its pool, kept until the next change. */
  listenerRoute(loadBalancerId: string, port: number): ListenerRoute | null {
    const key = `${loadBalancerId}:${port}`;
    let route = this.listenerRoutes.get(key);
    if (route === undefined) {
      const lb = this.deps.records.loadBalancer(loadBalancerId);
      const listener = lb ? this.deps.records.listenerOn(lb, port) : undefined;
      const pool = listener ? this.deps.records.pool(listener.poolId) : undefined;
      route = lb && listener && pool ? { loadBalancerId, vipAddress: lb.vipAddress, listener, pool } : null;
      this.listenerRoutes.set(key, route);
    }
    return route;
  }

  /** Member choice and the connections members hold (LEAST_CONNECTIONS). */
  get routing(): LoadBalancerRouting {
    return this.deps.routing;
  }

  /** Plugs in the members' health check (the data plane's real probe); null puts the engine's own back. */
  setHealthProbe(probe: HealthProbe | null): void {
    if (probe) this.deps.health.setProbe(probe);
    else this.deps.health.resetProbe();
  }

  /**
   * The second leg, from the load balancer's VIP to a member's `port` (its security groups apply);
   * null when the member's instance or address is gone.
   */
  memberVerdict(member: Pick<Member, 'loadBalancerId' | 'instanceId' | 'address'>, port: number): { vipAddress: string; verdict: ReachabilityVerdict } | null {
    const lb = this.deps.records.loadBalancer(member.loadBalancerId);
    if (!lb) return null;
    const key = `${member.instanceId}:${port}:${lb.vipAddress}`;
    let verdict = this.memberVerdicts.get(key);
    if (verdict === undefined) {
      verdict = this.readMemberVerdict(member.instanceId, member.address, port, lb.vipAddress);
      this.memberVerdicts.set(key, verdict);
    }
    return verdict ? { vipAddress: lb.vipAddress, verdict } : null;
  }

  /**
   * Whether the member's security groups let the VIP reach its own port; a drop is written to the
   * member's flow log. Asked for every request forwarded, so it is kept on the member row.
   */
  admitsLoadBalancer(member: Member, vipAddress: string): boolean {
    let verdict = this.memberAdmissions.get(member);
    if (verdict === undefined) {
      verdict = this.readMemberVerdict(member.instanceId, member.address, member.protocolPort, vipAddress);
      this.memberAdmissions.set(member, verdict);
    }
    if (!verdict) return false;
    if (!verdict.allowed) {
      this.deps.flowLogs.record({
        instanceId: member.instanceId,
        projectId: member.projectId,
        sourceIp: vipAddress,
        sourcePort: null,
        destinationIp: member.address,
        protocol: 'tcp',
        port: member.protocolPort,
        action: 'DROP',
        reasonCode: verdict.reason.code,
        message: verdict.reason.message,
      });
    }
    return verdict.allowed;
  }

  private readMemberVerdict(instanceId: string, memberAddress: string, port: number, vipAddress: string): ReachabilityVerdict | null {
    const destination = this.deps.guestNetwork.locateInstance(instanceId);
    if (!destination || destination.port.fixedIp !== memberAddress) return null;
    return this.deps.guestNetwork.ingress(destination, { kind: 'instance', ip: vipAddress, securityGroupIds: [] }, 'tcp', port);
  }

  // ——— guests ———

  /** Whether anything answers on an instance's TCP `port` now. */
  listens(instanceId: string, port: number): boolean {
    return this.deps.guests.listeningPorts(instanceId).includes(port);
  }

  /**
   * An HTTP request to a guest's listener, without a database read per request (instance rows are
   * kept until the next change); null when nothing listens (the connection is refused).
   */
  deliverHttp(instanceId: string, port: number, request: InboundHttpRequest): Promise<HttpResponse | null> {
    let instance = this.instances.get(instanceId);
    if (instance === undefined) {
      instance = this.store.get<Instance>('instance', instanceId) ?? null;
      this.instances.set(instanceId, instance);
    }
    const guest = instance ? this.deps.guests.guestOf(instance) : undefined;
    if (!guest) return Promise.resolve(null);
    const answer = guest.deliverHttpRequest(port, request);
    if (this.httpWatchers.size === 0) return answer;
    return answer.then((response) => {
      if (response) for (const watcher of this.httpWatchers) watcher(instanceId, port, request, response.status);
      return response;
    });
  }

  /** Calls back for every HTTP request a guest answered, as the guest saw it (its source: a client or a load balancer's VIP). */
  onHttpAnswered(watcher: (instanceId: string, port: number, request: InboundHttpRequest, status: number) => void): () => void {
    this.httpWatchers.add(watcher);
    return () => this.httpWatchers.delete(watcher);
  }
}

import type {
  Engine,
  FloatingIp,
  Instance,
  LoadBalancer,
  LoadBalancerMember,
  LoadBalancerReachabilityVerdict,
  NetworkDestination,
  Port,
  ReachabilityVerdict,
} from '@sandcloud/engine';

// The firewall in front of every local endpoint. It asks the engine for its verdict on traffic
// from this machine (which enters the simulation as the configured client public IP), caches it
// per (floating IP, port) — and the load balancers' second leg per member — until the engine
// changes something (`invalidate`, on every network event), and writes the flow log.
//
//   accept  a rule admits the traffic (and, for an instance, something answers on the port)
//   drop    no rule admits it: the connection gets no answer at all, like a real firewall's
//   refuse  a rule admits it but nothing listens: the kernel answers with a reset (ECONNREFUSED)

export type FirewallAction = 'accept' | 'drop' | 'refuse';

export type InstanceTarget = { kind: 'instance'; instance: Instance; destination: Extract<NetworkDestination, { kind: 'instance' }> };
export type LoadBalancerTarget = { kind: 'load-balancer'; loadBalancerId: string; projectId: string; vipAddress: string };

export type Target = InstanceTarget | LoadBalancerTarget;

export interface InstanceDecision {
  kind: 'instance';
  action: FirewallAction;
  target: InstanceTarget;
  verdict: ReachabilityVerdict;
}

export interface LoadBalancerDecision {
  kind: 'load-balancer';
  action: Exclude<FirewallAction, 'refuse'>;
  target: LoadBalancerTarget;
  verdict: LoadBalancerReachabilityVerdict;
}

/** Codes the load balancer's own verdict drops at the VIP; the others reach the listener. */
const LB_DROPPED = new Set(['NO_FLOATING_IP', 'LOAD_BALANCER_NOT_ACTIVE', 'NO_LISTENER', 'SOURCE_NOT_ALLOWED']);

/** Engine resource kinds whose changes can change a verdict or an endpoint. */
export const NETWORK_KINDS = new Set(['floating-ip', 'port', 'instance', 'security-group', 'settings', 'load-balancer', 'lb-listener', 'lb-pool', 'lb-member']);

export class Firewall {
  private clientIpCache: string | null = null;
  private readonly targets = new Map<string, Target | null>();
  private readonly instanceVerdicts = new Map<string, ReachabilityVerdict>();
  private readonly lbVerdicts = new Map<string, LoadBalancerReachabilityVerdict>();
  private readonly memberVerdicts = new Map<string, ReachabilityVerdict>();
  /** Per member row (the engine keeps the same objects until a load balancer resource changes). */
  private memberAdmissions = new WeakMap<LoadBalancerMember, ReachabilityVerdict | null>();

  constructor(private readonly engine: Engine) {}

  /** Forgets every cached verdict (an engine event changed rules, addresses or statuses). */
  invalidate(): void {
    this.clientIpCache = null;
    this.targets.clear();
    this.instanceVerdicts.clear();
    this.lbVerdicts.clear();
    this.memberVerdicts.clear();
    this.memberAdmissions = new WeakMap();
  }

  /** The address traffic from this machine has inside the simulation. */
  clientIp(): string {
    this.clientIpCache ??= this.engine.settings.clientPublicIp();
    return this.clientIpCache;
  }

  /** What a floating IP leads to now: an instance, a load balancer's VIP, or nothing. */
  targetOf(floatingIp: string): Target | null {
    if (this.targets.has(floatingIp)) return this.targets.get(floatingIp)!;
    const target = this.resolve(floatingIp);
    this.targets.set(floatingIp, target);
    return target;
  }

  /** Traffic from this machine to an instance's floating IP on `guestPort`. */
  instanceDecision(target: InstanceTarget, floatingIp: string, guestPort: number, listening: boolean): InstanceDecision {
    const key = `${floatingIp}:${guestPort}`;
    let verdict = this.instanceVerdicts.get(key);
    if (!verdict) {
      verdict = this.engine.modules.guestNetwork.ingress(target.destination, { kind: 'internet', ip: this.clientIp() }, 'tcp', guestPort);
      this.instanceVerdicts.set(key, verdict);
    }
    return { kind: 'instance', action: !verdict.allowed ? 'drop' : listening ? 'accept' : 'refuse', target, verdict };
  }

  /** Traffic from this machine to a load balancer's floating IP on a listener port. */
  loadBalancerDecision(target: LoadBalancerTarget, guestPort: number): LoadBalancerDecision {
    const key = `${target.loadBalancerId}:${guestPort}`;
    let verdict = this.lbVerdicts.get(key);
    if (!verdict) {
      verdict = this.engine.modules.loadBalancers.testConnectivity(target.projectId, target.loadBalancerId, guestPort, this.clientIp());
      this.lbVerdicts.set(key, verdict);
    }
    return { kind: 'load-balancer', action: LB_DROPPED.has(verdict.reason.code) ? 'drop' : 'accept', target, verdict };
  }

  /** The second leg: from the load balancer's VIP to a member's port (the member's security groups apply). */
  memberVerdict(instanceId: string, memberAddress: string, port: number, vipAddress: string): ReachabilityVerdict | null {
    const key = `${instanceId}:${port}:${vipAddress}`;
    const cached = this.memberVerdicts.get(key);
    if (cached) return cached;
    const destination = this.engine.modules.guestNetwork.locateInstance(instanceId);
    if (!destination || destination.port.fixedIp !== memberAddress) return null;
    const verdict = this.engine.modules.guestNetwork.ingress(destination, { kind: 'instance', ip: vipAddress, securityGroupIds: [] }, 'tcp', port);
    this.memberVerdicts.set(key, verdict);
    return verdict;
  }

  /**
   * `memberVerdict` for the member's own port, cached on the member row: the load balancer asks it
   * for every request it forwards, so the lookup must not build a key string each time.
   */
  memberAdmission(member: LoadBalancerMember, vipAddress: string): ReachabilityVerdict | null {
    let verdict = this.memberAdmissions.get(member);
    if (verdict === undefined) {
      verdict = this.memberVerdict(member.instanceId, member.address, member.protocolPort, vipAddress);
      this.memberAdmissions.set(member, verdict);
    }
    return verdict;
  }

  /** One flow-log entry for a connection to an instance (buffered by the engine, written in batches). */
  record(
    instance: Instance,
    flow: { sourceIp: string; sourcePort: number | null; destinationIp: string; port: number },
    action: FirewallAction,
    reason: { code: string; message: string },
  ): void {
    this.engine.modules.flowLogs.record({
      instanceId: instance.id,
      projectId: instance.projectId,
      sourceIp: flow.sourceIp,
      sourcePort: flow.sourcePort,
      destinationIp: flow.destinationIp,
      protocol: 'tcp',
      port: flow.port,
      action: action === 'accept' ? 'ACCEPT' : action === 'drop' ? 'DROP' : 'REJECT',
      reasonCode: reason.code,
      message: reason.message,
    });
  }

  private resolve(floatingIp: string): Target | null {
    const { store } = this.engine;
    const floating = store.list<FloatingIp>('floating-ip').find((candidate) => candidate.address === floatingIp);
    if (!floating?.portId) return null;
    const port = store.get<Port>('port', floating.portId);
    if (!port) return null;
    if (port.deviceOwner.startsWith('compute:')) {
      const destination = this.engine.modules.guestNetwork.locate(floatingIp, null);
      if (destination.kind !== 'instance') return null;
      return { kind: 'instance', instance: destination.instance, destination };
    }
    const lb = store.get<LoadBalancer>('load-balancer', port.deviceId);
    if (!lb?.projectId) return null;
    return { kind: 'load-balancer', loadBalancerId: lb.id, projectId: lb.projectId, vipAddress: lb.vipAddress };
  }
}

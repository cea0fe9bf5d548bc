import { chooseEligibleMember, eligibleMembers, newBalancingState, type BalancingRequest, type BalancingState } from '../load-balancers/balancing.ts';
import type { L7Decision, L7Program } from '../load-balancers/l7-matching.ts';
import type { Listener, Member, Pool } from '../load-balancers/load-balancer.ts';
import { isServing, type LoadBalancerRecords } from '../load-balancers/load-balancer-records.ts';

// Which member takes the next connection or request of a listener: the pool's method
// (ROUND_ROBIN, LEAST_CONNECTIONS, SOURCE_IP) and session persistence over the members that may
// take traffic. The data plane asks per request, guests curling a VIP per request too, so the
// listener, pool and eligible members are read once and kept until the traffic module's
// invalidation (`forget`, on any load balancer change). Balancing state (round-robin weights, open
// connections) lives in memory per pool, as in a load balancer process.

/** A listener port's pool and the members that may take traffic. */
interface Route {
  listener: Listener;
  pool: Pool;
  eligible: Member[];
}

export interface PickedMember {
  listener: Listener;
  pool: Pool;
  member: Member;
}

export class LoadBalancerRouting {
  private readonly balancing = new Map<string, BalancingState>();
  private readonly routes = new Map<string, Map<number, Route | null>>();
  /** L7: each listener's compiled policies and each redirect pool's eligible members, until the next change. */
  private readonly l7Programs = new Map<string, L7Program | null>();
  private readonly poolRoutes = new Map<string, { pool: Pool; eligible: Member[] } | null>();
  private l7Source: ((listenerId: string) => L7Program | null) | null = null;

  constructor(private readonly records: LoadBalancerRecords) {}

  /**
   * The member the next connection (or HTTP request) to `port` goes to, by the pool's method and
   * session persistence; null when no listener is on the port or no member can take it.
   */
  pickMember(loadBalancerId: string, port: number, request: BalancingRequest): PickedMember | null {
    let ports = this.routes.get(loadBalancerId);
    if (!ports) {
      ports = new Map();
      this.routes.set(loadBalancerId, ports);
    }
    let route = ports.get(port);
    if (route === undefined) {
      route = this.readRoute(loadBalancerId, port);
      ports.set(port, route);
    }
    if (!route) return null;
    const member = chooseEligibleMember(route.pool, route.eligible, request, this.stateOf(route.pool.id));
    return member ? { listener: route.listener, pool: route.pool, member } : null;
  }

  /** Where a listener's L7 policies come from (`L7Service.program`, wired by the engine's modules). */
  useL7(source: (listenerId: string) => L7Program | null): void {
    this.l7Source = source;
  }

  /**
   * A listener's enabled L7 policies compiled (read once per change); null when none takes part, so
   * a request to a listener without policies costs one look-up of the cached null.
   */
  l7(listenerId: string): L7Program | null {
    let program = this.l7Programs.get(listenerId);
    if (program === undefined) {
      program = this.l7Source?.(listenerId) ?? null;
      this.l7Programs.set(listenerId, program);
    }
    return program;
  }

  /**
   * What the listener's L7 policies decide for a request a guest sends (HTTP listeners only; header
   * names in any case, the Host from the URL when the guest's client sent none). The data plane
   * asks `l7` once per traffic change instead and evaluates the program itself.
   */
  l7Decision(listener: Listener, path: string, headers: Record<string, string>, host: string): L7Decision | null {
    if (listener.protocol !== 'HTTP' && listener.protocol !== 'TERMINATED_HTTPS') return null;
    const program = this.l7(listener.id);
    if (!program) return null;
    const lowered: Record<string, string> = { host };
    for (const [name, value] of Object.entries(headers)) lowered[name.toLowerCase()] = value;
    return program.decide({ path, headers: lowered });
  }

  /** A member of `poolId` (an L7 REDIRECT_TO_POOL target) by that pool's method; null when it has none that may take traffic. */
  pickPoolMember(loadBalancerId: string, poolId: string, request: BalancingRequest): Member | null {
    let route = this.poolRoutes.get(poolId);
    if (route === undefined) {
      const lb = this.records.loadBalancer(loadBalancerId);
      const pool = lb && isServing(lb) ? this.records.pool(poolId) : undefined;
      route = pool && pool.loadBalancerId === loadBalancerId ? { pool, eligible: eligibleMembers(this.records.membersOf(pool)) } : null;
      this.poolRoutes.set(poolId, route);
    }
    return route ? chooseEligibleMember(route.pool, route.eligible, request, this.stateOf(route.pool.id)) : null;
  }

  /** The data plane reports connections opening (+1) and closing (−1), for LEAST_CONNECTIONS. */
  trackMemberConnections(member: Member, delta: number): void {
    const connections = this.stateOf(member.poolId).activeConnections;
    connections.set(member.id, Math.max(0, (connections.get(member.id) ?? 0) + delta));
  }

  /** A pool's method changed or the pool is gone: its balancing starts over. */
  resetPool(poolId: string): void {
    this.balancing.delete(poolId);
  }

  /** Drops the routes read so far (called by the traffic module's invalidation). */
  forget(): void {
    this.routes.clear();
    this.l7Programs.clear();
    this.poolRoutes.clear();
  }

  private readRoute(loadBalancerId: string, port: number): Route | null {
    const lb = this.records.loadBalancer(loadBalancerId);
    if (!lb || !isServing(lb)) return null;
    const listener = this.records.listenerOn(lb, port);
    const pool = listener ? this.records.pool(listener.poolId) : undefined;
    return listener && pool ? { listener, pool, eligible: eligibleMembers(this.records.membersOf(pool)) } : null;
  }

  private stateOf(poolId: string): BalancingState {
    let state = this.balancing.get(poolId);
    if (!state) {
      state = newBalancingState();
      this.balancing.set(poolId, state);
    }
    return state;
  }
}

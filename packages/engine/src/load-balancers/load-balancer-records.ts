import { ipv4ToInt } from '@sandcloud/domain';
import type { ResourceStore } from '../store/resource-store.ts';
import { enabled, LB_KINDS, SIMULATED_POOL_PROTOCOLS, type Listener, type LoadBalancer, type Member, type Pool } from './load-balancer.ts';

/**
 * How a load balancer's rows are read, in the order the console shows them: shared by the resource
 * CRUD (`LoadBalancerService`), the health checks and the routing, so each reads them the same way.
 */
export class LoadBalancerRecords {
  constructor(private readonly store: ResourceStore) {}

  loadBalancer(id: string): LoadBalancer | undefined {
    return this.store.get<LoadBalancer>(LB_KINDS.loadBalancer, id);
  }

  pool(id: string | null): Pool | undefined {
    return id ? this.store.get<Pool>(LB_KINDS.pool, id) : undefined;
  }

  member(id: string): Member | undefined {
    return this.store.get<Member>(LB_KINDS.member, id);
  }

  /** The listeners that forward somewhere (those with a default pool): what traffic and health read. */
  listenersOf(lb: LoadBalancer): Listener[] {
    return this.allListenersOf(lb).filter((listener) => listener.poolId !== null);
  }

  /** Every listener, including those created on their own that have no pool yet (Octavia). */
  allListenersOf(lb: LoadBalancer): Listener[] {
    return this.store
      .list<Listener>(LB_KINDS.listener, lb.projectId)
      .filter((listener) => listener.loadBalancerId === lb.id)
      .sort((a, b) => a.createdAt - b.createdAt || a.protocolPort - b.protocolPort);
  }

  /**
   * The listener on `port` that takes connections: the load balancer, the listener and its pool
   * enabled (`admin_state_up`), the pool speaking a protocol the data plane carries (not PROXY, UDP,
   * SCTP). A disabled or uncarried listener refuses, as a port nobody listens on.
   */
  listenerOn(lb: LoadBalancer, port: number): Listener | undefined {
    if (!enabled(lb)) return undefined;
    const listener = this.listenersOf(lb).find((candidate) => candidate.protocolPort === port);
    const pool = listener ? this.pool(listener.poolId) : undefined;
    if (!listener || !pool || !enabled(listener) || !enabled(pool) || !SIMULATED_POOL_PROTOCOLS.includes(pool.protocol)) return undefined;
    return listener;
  }

  /** Every pool of the load balancer, a listener's or not, oldest first. */
  poolsOf(lb: LoadBalancer): Pool[] {
    return this.store
      .list<Pool>(LB_KINDS.pool, lb.projectId)
      .filter((pool) => pool.loadBalancerId === lb.id)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  membersOf(pool: Pool): Member[] {
    // Rows created together share a timestamp: order them by address, as the console lists them.
    return this.store
      .list<Member>(LB_KINDS.member, pool.projectId)
      .filter((member) => member.poolId === pool.id)
      .sort((a, b) => a.createdAt - b.createdAt || ipv4ToInt(a.address) - ipv4ToInt(b.address));
  }
}

/** Statuses in which a load balancer's data plane runs (Octavia keeps serving while PENDING_UPDATE). */
export function isServing(lb: Pick<LoadBalancer, 'status'>): boolean {
  return lb.status === 'ACTIVE' || lb.status === 'PENDING_UPDATE';
}

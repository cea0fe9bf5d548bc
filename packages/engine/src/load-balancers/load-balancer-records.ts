import { ipv4ToInt } from '@sandcloud/domain';
import type { ResourceStore } from '../store/resource-store.ts';
import { LB_KINDS, type Listener, type LoadBalancer, type Member, type Pool } from './load-balancer.ts';

/**
 * How a load balancer's rows are read, in the order the console shows them: shared by the resource
 * CRUD (`LoadBalancerService`), the health checks and the routing, so each reads them the same way.
 */
export class LoadBalancerRecords {
  constructor(private readonly store: ResourceStore) {}

  loadBalancer(id: string): LoadBalancer | undefined {
    return this.store.get<LoadBalancer>(LB_KINDS.loadBalancer, id);
  }

  pool(id: string): Pool | undefined {
    return this.store.get<Pool>(LB_KINDS.pool, id);
  }

  member(id: string): Member | undefined {
    return this.store.get<Member>(LB_KINDS.member, id);
  }

  listenersOf(lb: LoadBalancer): Listener[] {
    return this.store
      .list<Listener>(LB_KINDS.listener, lb.projectId)
      .filter((listener) => listener.loadBalancerId === lb.id)
      .sort((a, b) => a.createdAt - b.createdAt || a.protocolPort - b.protocolPort);
  }

  /** The listener on `port`, if the load balancer has one. */
  listenerOn(lb: LoadBalancer, port: number): Listener | undefined {
    return this.listenersOf(lb).find((listener) => listener.protocolPort === port);
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

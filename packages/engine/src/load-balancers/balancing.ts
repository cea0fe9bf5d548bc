import type { LbAlgorithm } from '@sandcloud/domain';
import type { Member, SessionPersistence } from './load-balancer.ts';

// Which member takes the next connection: the algorithms of `[Load Balancing 방식]`, for the data
// plane to call per connection (or per request for HTTP). State lives in memory per pool, as in a
// load balancer process; it does not need to survive a restart.

export type BalancedMember = Pick<Member, 'id' | 'address' | 'protocolPort' | 'weight' | 'adminStateUp' | 'operatingStatus'>;

export interface BalancingState {
  /** Smooth weighted round robin (as nginx does it): the running weight of each member. */
  currentWeights: Map<string, number>;
  /** Open connections per member, for LEAST_CONNECTIONS; the data plane reports them. */
  activeConnections: Map<string, number>;
}

export const newBalancingState = (): BalancingState => ({ currentWeights: new Map(), activeConnections: new Map() });

export interface BalancingRequest {
  clientIp: string;
  /** HTTP_COOKIE / APP_COOKIE: the member the client's cookie points to, if any. */
  persistedMemberId?: string | undefined;
}

/** Members that may take new traffic: enabled, passing the health check, weight above 0. */
export const eligibleMembers = <M extends BalancedMember>(members: readonly M[]): M[] =>
  members.filter((member) => member.adminStateUp && member.weight > 0 && (member.operatingStatus === 'ONLINE' || member.operatingStatus === 'NO_MONITOR'));

export function chooseMember<M extends BalancedMember>(
  pool: { lbAlgorithm: LbAlgorithm; sessionPersistence: SessionPersistence | null },
  members: readonly M[],
  request: BalancingRequest,
  state: BalancingState,
): M | null {
  return chooseEligibleMember(pool, eligibleMembers(members), request, state);
}

/** `chooseMember` over members already filtered by `eligibleMembers` (kept between requests by the service). */
export function chooseEligibleMember<M extends BalancedMember>(
  pool: { lbAlgorithm: LbAlgorithm; sessionPersistence: SessionPersistence | null },
  candidates: readonly M[],
  request: BalancingRequest,
  state: BalancingState,
): M | null {
  if (candidates.length === 0) return null;
  const persistence = pool.sessionPersistence?.type;
  if ((persistence === 'HTTP_COOKIE' || persistence === 'APP_COOKIE') && request.persistedMemberId) {
    const pinned = candidates.find((member) => member.id === request.persistedMemberId);
    if (pinned) return pinned;
  }
  if (pool.lbAlgorithm === 'SOURCE_IP' || persistence === 'SOURCE_IP') return bySourceIp(candidates, request.clientIp);
  if (pool.lbAlgorithm === 'LEAST_CONNECTIONS') return leastConnections(candidates, state);
  return smoothWeightedRoundRobin(candidates, state);
}

function smoothWeightedRoundRobin<M extends BalancedMember>(candidates: readonly M[], state: BalancingState): M {
  const total = candidates.reduce((sum, member) => sum + member.weight, 0);
  let best = candidates[0]!;
  let bestWeight = -Infinity;
  for (const member of candidates) {
    const current = (state.currentWeights.get(member.id) ?? 0) + member.weight;
    state.currentWeights.set(member.id, current);
    if (current > bestWeight) {
      best = member;
      bestWeight = current;
    }
  }
  state.currentWeights.set(best.id, bestWeight - total);
  return best;
}

function leastConnections<M extends BalancedMember>(candidates: readonly M[], state: BalancingState): M {
  // Fewest connections per unit of weight; ties go to the earlier member.
  let best = candidates[0]!;
  let bestLoad = Infinity;
  for (const member of candidates) {
    const load = (state.activeConnections.get(member.id) ?? 0) / member.weight;
    if (load < bestLoad) {
      best = member;
      bestLoad = load;
    }
  }
  return best;
}

function bySourceIp<M extends BalancedMember>(candidates: readonly M[], clientIp: string): M {
  // A weighted hash: the same client lands on the same member while the member set is unchanged.
  const total = candidates.reduce((sum, member) => sum + member.weight, 0);
  let point = hash(clientIp) % total;
  for (const member of candidates) {
    if (point < member.weight) return member;
    point -= member.weight;
  }
  return candidates[candidates.length - 1]!;
}

function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619);
  return value >>> 0;
}

import { describe, expect, it } from 'vitest';
import type { Scheduler } from '../core/scheduler.ts';
import type { HealthMonitor, LoadBalancer, Member, Pool } from '../load-balancers/load-balancer.ts';
import type { LoadBalancerRecords } from '../load-balancers/load-balancer-records.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { MemberHealth } from './member-health.ts';

/** A pool with one member and a monitor, the scheduler's handler and every round it schedules. */
function setUp() {
  const monitor = { delaySeconds: 5, maxRetries: 3 } as HealthMonitor;
  const pool = { id: 'pool-1', loadBalancerId: 'lb-1', healthMonitor: monitor } as Pool;
  const lb = { id: 'lb-1', status: 'ACTIVE' } as LoadBalancer;
  const member = { id: 'member-1', poolId: 'pool-1', adminStateUp: true, operatingStatus: 'ONLINE', health: { consecutiveSuccesses: 0, consecutiveFailures: 0 } } as Member;
  let round: ((payload: Record<string, unknown>) => void) | undefined;
  const scheduled: unknown[] = [];
  const scheduler = {
    register: (_type: string, handler: (payload: Record<string, unknown>) => void) => (round = handler),
    schedule: (_type: string, payload: Record<string, unknown>, ms: number) => scheduled.push({ ...payload, ms }),
    cancel: () => undefined,
  } as unknown as Scheduler;
  const records = {
    pool: (id: string) => (id === pool.id ? pool : undefined),
    loadBalancer: (id: string) => (id === lb.id ? lb : undefined),
    membersOf: () => [member],
    member: () => member,
  } as unknown as LoadBalancerRecords;
  const health = new MemberHealth({} as ResourceStore, scheduler, records, () => true);
  const probed: string[] = [];
  health.setProbe((m) => (probed.push(m.id), true));
  return { health, pool, monitor, probed, scheduled, runRound: () => round!({ poolId: pool.id }) };
}

describe('member health rounds after a restart', () => {
  it('a round left pending by the last stop only schedules the next one; the next one probes', () => {
    const { probed, scheduled, runRound } = setUp();
    runRound(); // due at start: scheduled by the previous process
    expect(probed).toEqual([]);
    expect(scheduled).toEqual([{ poolId: 'pool-1', ms: 5000 }]);
    runRound();
    expect(probed).toEqual(['member-1']);
    expect(scheduled).toHaveLength(2);
  });

  it('a pool whose rounds this process started is probed from its first round', () => {
    const { health, pool, monitor, probed, runRound } = setUp();
    health.start(pool, monitor);
    runRound();
    expect(probed).toEqual(['member-1']);
  });
});

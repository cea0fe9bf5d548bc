import { describe, expect, it } from 'vitest';
import type { Scheduler } from '../core/scheduler.ts';
import type { HealthMonitor, LoadBalancer, Member, Pool } from '../load-balancers/load-balancer.ts';
import type { LoadBalancerRecords } from '../load-balancers/load-balancer-records.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { MemberHealth } from './member-health.ts';

/** A pool with one member and a monitor, the scheduler's handler and every round it schedules. */
function setUp() {
  const monitor = { type: 'TCP', monitorPort: 80, delaySeconds: 5, maxRetries: 3 } as HealthMonitor;
  const pool = { id: 'pool-1', loadBalancerId: 'lb-1', memberPort: 80, healthMonitor: monitor } as Pool;
  const lb = { id: 'lb-1', status: 'ACTIVE', vipAddress: '10.0.0.9' } as LoadBalancer;
  const member = {
    id: 'member-1',
    poolId: 'pool-1',
    instanceId: 'instance-1',
    address: '10.0.0.5',
    protocolPort: 80,
    adminStateUp: true,
    operatingStatus: 'ONLINE',
    health: { consecutiveSuccesses: 0, consecutiveFailures: 0 },
  } as Member;
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
  const updates: Partial<Member>[] = [];
  const store = { update: (_kind: string, _row: unknown, changes: Partial<Member>) => (updates.push(changes), { ...member, ...changes }) } as unknown as ResourceStore;
  const pinged: string[] = [];
  const health = new MemberHealth(store, scheduler, records, () => true, (instanceId, vip) => (pinged.push(`${instanceId} from ${vip}`), true));
  const probed: string[] = [];
  const probedPorts: number[] = [];
  health.setProbe((m, mon) => (probed.push(m.id), probedPorts.push(mon.monitorPort), true));
  return { health, pool, monitor, member, probed, probedPorts, pinged, updates, scheduled, runRound: () => round!({ poolId: pool.id }) };
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

describe('what a check asks, by member and monitor type', () => {
  it('a member at an address no server owns fails without a probe: nobody answers', () => {
    const { health, pool, monitor, member, probed, updates, runRound } = setUp();
    member.instanceId = '';
    health.start(pool, monitor);
    runRound();
    expect(probed).toEqual([]);
    expect(updates).toEqual([{ operatingStatus: 'ONLINE', health: { consecutiveSuccesses: 0, consecutiveFailures: 1 } }]);
  });

  it('a disabled monitor schedules no round and checks nothing', () => {
    const { health, pool, monitor, probed, scheduled, runRound } = setUp();
    monitor.adminStateUp = false;
    health.start(pool, monitor);
    expect(scheduled).toEqual([]);
    runRound();
    expect(probed).toEqual([]);
  });

  it('PING asks the ICMP check from the VIP; UDP-CONNECT and SCTP fail (no guest answers UDP or SCTP)', () => {
    const { health, pool, monitor, probed, pinged, updates, runRound } = setUp();
    monitor.type = 'PING';
    health.start(pool, monitor);
    runRound();
    expect(pinged).toEqual(['instance-1 from 10.0.0.9']);
    expect(probed).toEqual([]);
    monitor.type = 'UDP-CONNECT';
    runRound();
    expect(updates).toEqual([{ operatingStatus: 'ONLINE', health: { consecutiveSuccesses: 0, consecutiveFailures: 1 } }]);
  });

  it("an Octavia member on another port than the pool's is checked on its own port, or on its monitor_port", () => {
    const { health, pool, monitor, member, probedPorts, runRound } = setUp();
    member.protocolPort = 8081;
    health.start(pool, monitor);
    runRound();
    member.monitorPort = 9000;
    runRound();
    expect(probedPorts).toEqual([8081, 9000]);
  });
});

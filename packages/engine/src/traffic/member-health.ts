import type { Instance } from '../compute/instance.ts';
import type { Scheduler } from '../core/scheduler.ts';
import { applyCheck, loadBalancerOperatingStatus, poolOperatingStatus, type HealthProbe } from '../load-balancers/health.ts';
import type { OperatingStatus } from '@sandcloud/domain';
import { enabled, LB_KINDS, type HealthMonitor, type LoadBalancer, type Member, type Pool } from '../load-balancers/load-balancer.ts';
import { isServing, type LoadBalancerRecords } from '../load-balancers/load-balancer-records.ts';
import type { ResourceStore } from '../store/resource-store.ts';

// The load balancers' health checks over simulated time: one round per pool every `delaySeconds`,
// each enabled member probed, its streak counted (`applyCheck`), its operating status flipped
// ONLINE ⇄ OFFLINE after `maxRetries` in a row, and the load balancer's summary (ONLINE, DEGRADED,
// OFFLINE) following. The resource CRUD starts and stops the rounds as pools come and go.
//
// What a check asks, by monitor type: HTTP/HTTPS/TCP/TLS-HELLO go to the probe (the data plane's
// connects to the guest's real listener; TLS-HELLO is a TCP connect there, the simulated guests have
// no TLS handshake to check); PING asks whether the guest answers ICMP from the VIP under its
// security groups; UDP-CONNECT and SCTP fail, since no simulated guest answers UDP or SCTP. A member
// whose address (or monitor address) no project server owns fails every check: nobody answers.
// A disabled monitor (`admin_state_up: false`) runs no round.

const HEALTH_CHECK = 'load-balancer.health-check';

/** Whether an instance answers an ICMP echo from the VIP (running, and its security groups admit ICMP). */
export type PingCheck = (instanceId: string, vipAddress: string) => boolean;

export class MemberHealth {
  private probe: HealthProbe;
  /** Pools whose rounds this process scheduled; a round of another pool was pending at the last stop. */
  private readonly scheduledHere = new Set<string>();

  constructor(
    private readonly store: ResourceStore,
    private readonly scheduler: Scheduler,
    private readonly records: LoadBalancerRecords,
    /** Provisioning's check that what the load balancer needs is there (it moves it to ERROR when not). */
    private readonly dependenciesPresent: (lb: LoadBalancer) => boolean,
    /** PING monitors' check; without one, an ACTIVE instance answers. */
    private readonly ping: PingCheck = (instanceId) => this.store.get<Instance>('instance', instanceId)?.status === 'ACTIVE',
  ) {
    this.probe = this.instanceActive;
    scheduler.register(HEALTH_CHECK, ({ poolId }) => this.runRound(String(poolId)));
  }

  /** Replaces the check (the data plane's probe hits the guest's real listener). */
  setProbe(probe: HealthProbe): void {
    this.probe = probe;
  }

  /** Back to the engine's own check: the member's instance is ACTIVE. */
  resetProbe(): void {
    this.probe = this.instanceActive;
  }

  /** Schedules a pool's first round (inside the transaction that created it); a disabled monitor schedules none. */
  start(pool: Pick<Pool, 'id'>, monitor: Pick<HealthMonitor, 'delaySeconds' | 'adminStateUp'>): void {
    if (!enabled(monitor)) return;
    this.scheduledHere.add(pool.id);
    this.scheduler.schedule(HEALTH_CHECK, { poolId: pool.id }, monitor.delaySeconds * 1000);
  }

  /** Cancels a pool's pending round (the pool is going away). */
  stop(poolId: string): void {
    this.scheduledHere.delete(poolId);
    this.scheduler.cancel(HEALTH_CHECK, (payload) => payload.poolId === poolId);
  }

  /** A new monitor: the rounds restart on its interval, every member's streak starts over, statuses stay. */
  restart(pool: Pool, monitor: HealthMonitor): void {
    this.stop(pool.id);
    for (const member of this.records.membersOf(pool)) {
      this.store.update<Member>(LB_KINDS.member, member, {
        health: { consecutiveSuccesses: 0, consecutiveFailures: 0 },
        ...(member.operatingStatus === 'NO_MONITOR' && member.adminStateUp ? { operatingStatus: 'ONLINE' as const } : {}),
      });
    }
    this.start(pool, monitor);
  }

  /** A pool's summary as the detail screen shows it: its members', or OFFLINE while the load balancer does not serve. */
  poolStatus(lb: LoadBalancer, members: readonly Member[]): OperatingStatus {
    return isServing(lb) && enabled(lb) ? poolOperatingStatus(members) : 'OFFLINE';
  }

  /** Recomputes the load balancer's operating status from its pools (after a member flips or the pools change). */
  refreshOperatingStatus(id: string): void {
    const lb = this.records.loadBalancer(id);
    if (!lb || lb.status === 'PENDING_DELETE') return;
    const next: OperatingStatus = isServing(lb) && enabled(lb)
      ? loadBalancerOperatingStatus(
          this.records.listenersOf(lb).map((listener) => {
            const pool = this.records.pool(listener.poolId);
            return this.poolStatus(lb, pool ? this.records.membersOf(pool) : []);
          }),
        )
      : 'OFFLINE';
    if (next !== lb.operatingStatus) {
      this.store.update<LoadBalancer>(LB_KINDS.loadBalancer, lb, { operatingStatus: next }, `Operating status ${lb.operatingStatus} → ${next}`);
    }
  }

  private readonly instanceActive: HealthProbe = (member) => this.store.get<Instance>('instance', member.instanceId)?.status === 'ACTIVE';

  /** One round of a pool's checks; schedules the next round first, so the chain never breaks. */
  private runRound(poolId: string): void {
    const pool = this.records.pool(poolId);
    const monitor = pool?.healthMonitor;
    if (!pool || !monitor || !enabled(monitor)) return;
    const lb = this.records.loadBalancer(pool.loadBalancerId);
    if (!lb || lb.status === 'PENDING_DELETE') return;
    const resumed = !this.scheduledHere.has(pool.id);
    this.start(pool, monitor);
    // A round left pending by the last stop comes due the moment the scheduler starts, right after
    // the server listens. Its probes would read every instance and port (the store parses a kind
    // whole on its first use: 0.7 s at 10,000 instances) while the first requests wait; the
    // statuses are persisted, so this round only schedules the next one, a monitor interval later.
    if (resumed) return;
    if (!this.dependenciesPresent(lb)) return;
    if (!isServing(lb)) return;
    for (const member of this.records.membersOf(pool)) {
      if (!member.adminStateUp) continue;
      let result: boolean | Promise<boolean>;
      try {
        result = this.check(lb, pool, member, monitor);
      } catch {
        result = false;
      }
      if (typeof result === 'boolean') {
        this.record(member.id, result);
      } else {
        result.then(
          (ok) => this.recordLater(member.id, ok === true),
          () => this.recordLater(member.id, false),
        );
      }
    }
  }

  /** One member's check, by monitor type, at the member's monitor address and port (else its own). */
  private check(lb: LoadBalancer, pool: Pool, member: Member, monitor: HealthMonitor): boolean | Promise<boolean> {
    const instanceId = member.monitorAddress ? (member.monitorInstanceId ?? '') : member.instanceId;
    if (!instanceId) return false;
    if (monitor.type === 'UDP-CONNECT' || monitor.type === 'SCTP') return false;
    if (monitor.type === 'PING') return this.ping(instanceId, lb.vipAddress);
    // The console's monitors have a health port of their own for the pool's port; Octavia's check a member's own port.
    const port = member.monitorPort ?? (member.protocolPort === pool.memberPort ? monitor.monitorPort : member.protocolPort);
    const target = member.monitorAddress ? { ...member, instanceId, address: member.monitorAddress } : member;
    return this.probe(target, port === monitor.monitorPort ? monitor : { ...monitor, monitorPort: port });
  }

  private recordLater(memberId: string, ok: boolean): void {
    try {
      this.store.transaction(() => this.record(memberId, ok));
    } catch (error) {
      console.warn(`[load-balancers] health check result for member ${memberId} dropped:`, (error as Error).message);
    }
  }

  private record(memberId: string, ok: boolean): void {
    const member = this.records.member(memberId);
    if (!member || !member.adminStateUp) return;
    const monitor: HealthMonitor | null | undefined = this.records.pool(member.poolId)?.healthMonitor;
    if (!monitor || !enabled(monitor)) return;
    const next = applyCheck(member, ok, monitor.maxRetries, monitor.maxRetriesDown ?? monitor.maxRetries);
    if (!next) return;
    const flipped = next.operatingStatus !== member.operatingStatus;
    const note = flipped ? `Health check ${ok ? 'passed' : 'failed'} ${ok ? monitor.maxRetries : (monitor.maxRetriesDown ?? monitor.maxRetries)} time(s) in a row: ${next.operatingStatus}` : undefined;
    this.store.update<Member>(LB_KINDS.member, member, next, note);
    if (flipped) this.refreshOperatingStatus(member.loadBalancerId);
  }
}

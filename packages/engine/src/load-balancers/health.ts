import type { OperatingStatus } from '@sandcloud/domain';
import type { HealthMonitor, Member, MemberHealth } from './load-balancer.ts';

/**
 * One health check of one member: true when the member answered as the monitor expects. The
 * default asks whether the member's instance is ACTIVE; the data plane replaces it with a probe
 * that connects to the guest's real listener (`modules.traffic.setHealthProbe`). An async probe
 * should settle within `monitor.timeoutSeconds`; a rejection counts as a failure.
 */
export type HealthProbe = (member: Member, monitor: HealthMonitor) => boolean | Promise<boolean>;

export interface MemberHealthState {
  operatingStatus: OperatingStatus;
  health: MemberHealth;
}

/**
 * The member state machine, as HAProxy runs it: ONLINE until `maxRetriesDown` checks in a row fail
 * (Octavia's `max_retries_down`, HAProxy's `fall`; the console's checks use `maxRetries` for both),
 * then OFFLINE until `maxRetries` checks in a row succeed (`rise`). Returns the next state, or null when
 * nothing changes (so a steady member costs no write).
 */
export function applyCheck(current: MemberHealthState, ok: boolean, maxRetries: number, maxRetriesDown = maxRetries): MemberHealthState | null {
  const { consecutiveSuccesses, consecutiveFailures } = current.health;
  const online = current.operatingStatus === 'ONLINE' || current.operatingStatus === 'NO_MONITOR';
  if (ok && online && consecutiveFailures === 0) return null;
  if (!ok && !online && consecutiveSuccesses === 0) return null;
  const health = ok
    ? { consecutiveSuccesses: consecutiveSuccesses + 1, consecutiveFailures: 0 }
    : { consecutiveSuccesses: 0, consecutiveFailures: consecutiveFailures + 1 };
  let operatingStatus = current.operatingStatus;
  if (!ok && online && health.consecutiveFailures >= maxRetriesDown) operatingStatus = 'OFFLINE';
  if (ok && !online && health.consecutiveSuccesses >= maxRetries) operatingStatus = 'ONLINE';
  // Once the status has flipped, the streak that flipped it is spent.
  if (operatingStatus !== current.operatingStatus) return { operatingStatus, health: { consecutiveSuccesses: 0, consecutiveFailures: 0 } };
  return { operatingStatus, health };
}

/** A pool (and its listener): ONLINE when every enabled member is, OFFLINE when none is, else DEGRADED. */
export function poolOperatingStatus(members: readonly Pick<Member, 'adminStateUp' | 'operatingStatus'>[]): OperatingStatus {
  const enabled = members.filter((member) => member.adminStateUp);
  const up = enabled.filter((member) => member.operatingStatus === 'ONLINE' || member.operatingStatus === 'NO_MONITOR').length;
  if (up === 0) return 'OFFLINE';
  return up === enabled.length ? 'ONLINE' : 'DEGRADED';
}

/** The load balancer summarises its listeners the same way. */
export function loadBalancerOperatingStatus(listenerStatuses: readonly OperatingStatus[]): OperatingStatus {
  if (listenerStatuses.length === 0) return 'OFFLINE';
  if (listenerStatuses.every((status) => status === 'ONLINE')) return 'ONLINE';
  if (listenerStatuses.every((status) => status === 'OFFLINE')) return 'OFFLINE';
  return 'DEGRADED';
}

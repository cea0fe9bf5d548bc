import { describe, expect, it } from 'vitest';
import { applyCheck, loadBalancerOperatingStatus, poolOperatingStatus, type MemberHealthState } from './health.ts';

const online: MemberHealthState = { operatingStatus: 'ONLINE', health: { consecutiveSuccesses: 0, consecutiveFailures: 0 } };

/** Feeds results through the state machine, returning the status after each. */
function run(start: MemberHealthState, results: boolean[], maxRetries: number) {
  let state = start;
  return results.map((ok) => {
    state = applyCheck(state, ok, maxRetries) ?? state;
    return state.operatingStatus;
  });
}

describe('member health state machine', () => {
  it('goes OFFLINE after max retries failures in a row, ONLINE after as many successes', () => {
    expect(run(online, [false, false, false, true, true, true], 3)).toEqual(['ONLINE', 'ONLINE', 'OFFLINE', 'OFFLINE', 'OFFLINE', 'ONLINE']);
  });

  it('a success in between restarts the count', () => {
    expect(run(online, [false, false, true, false, false, false], 3)).toEqual(['ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'OFFLINE']);
  });

  it('a steady member needs no write', () => {
    expect(applyCheck(online, true, 3)).toBeNull();
    expect(applyCheck({ operatingStatus: 'OFFLINE', health: { consecutiveSuccesses: 0, consecutiveFailures: 0 } }, false, 3)).toBeNull();
  });

  it('with max retries 1 a single result flips it', () => {
    expect(run(online, [false, true], 1)).toEqual(['OFFLINE', 'ONLINE']);
  });
});

describe('operating status summaries', () => {
  const member = (operatingStatus: 'ONLINE' | 'OFFLINE', adminStateUp = true) => ({ operatingStatus, adminStateUp });
  it('summarises enabled members: ONLINE, DEGRADED, OFFLINE', () => {
    expect(poolOperatingStatus([member('ONLINE'), member('ONLINE')])).toBe('ONLINE');
    expect(poolOperatingStatus([member('ONLINE'), member('OFFLINE')])).toBe('DEGRADED');
    expect(poolOperatingStatus([member('OFFLINE'), member('OFFLINE')])).toBe('OFFLINE');
    expect(poolOperatingStatus([member('ONLINE'), member('OFFLINE', false)])).toBe('ONLINE');
    expect(poolOperatingStatus([])).toBe('OFFLINE');
  });

  it('a load balancer summarises its listeners', () => {
    expect(loadBalancerOperatingStatus(['ONLINE', 'ONLINE'])).toBe('ONLINE');
    expect(loadBalancerOperatingStatus(['ONLINE', 'OFFLINE'])).toBe('DEGRADED');
    expect(loadBalancerOperatingStatus(['DEGRADED'])).toBe('DEGRADED');
    expect(loadBalancerOperatingStatus(['OFFLINE'])).toBe('OFFLINE');
  });
});

import { describe, expect, it } from 'vitest';
import { INSTANCE_STATUSES } from './compute.ts';
import { VOLUME_SNAPSHOT_STATUSES, VOLUME_STATUSES } from './block-storage.ts';
import { IMAGE_STATUSES } from './images.ts';
import { OPERATING_STATUSES, PROVISIONING_STATUSES } from './load-balancing.ts';
import { FLOATING_IP_STATUSES, NETWORK_STATUSES } from './networking.ts';
import { STATUS_PHASES, statusPhase } from './statuses.ts';

describe('STATUS_PHASES', () => {
  it('classifies every status of every kind, and nothing else', () => {
    const all = new Set<string>([
      ...INSTANCE_STATUSES,
      ...VOLUME_STATUSES,
      ...VOLUME_SNAPSHOT_STATUSES,
      ...IMAGE_STATUSES,
      ...NETWORK_STATUSES,
      ...FLOATING_IP_STATUSES,
      ...PROVISIONING_STATUSES,
      ...OPERATING_STATUSES,
    ]);
    expect(new Set(Object.keys(STATUS_PHASES))).toEqual(all);
  });

  it.each([
    ['BUILD', 'transitional'],
    ['HARD_REBOOT', 'transitional'],
    ['PENDING_UPDATE', 'transitional'],
    ['extending', 'transitional'],
    ['ACTIVE', 'healthy'],
    ['in-use', 'healthy'],
    ['DEGRADED', 'degraded'],
    ['OFFLINE', 'failed'],
    ['killed', 'failed'],
    ['SHUTOFF', 'inactive'],
    ['NO_MONITOR', 'inactive'],
  ] as const)('%s is %s', (status, phase) => {
    expect(statusPhase(status)).toBe(phase);
  });

  it('treats a status it does not know (or an inherited property name) as inactive', () => {
    expect(statusPhase('DELETED')).toBe('inactive');
    expect(statusPhase('toString')).toBe('inactive');
  });
});

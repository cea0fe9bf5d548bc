import { describe, expect, it } from 'vitest';
import type { TopologyDto } from '@sandcloud/api-schemas';
import { hasWorkInFlight } from './get-topology.ts';

const withInstance = (status: string, taskState: string | null = null) =>
  ({ instances: [{ status, taskState }], volumes: [], loadBalancers: [] }) as unknown as TopologyDto;

describe('the topology polls while something is between steady states', () => {
  it.each(['BUILD', 'REBOOT', 'HARD_REBOOT', 'RESIZE', 'REVERT_RESIZE', 'REBUILD'])('%s is in flight', (status) => {
    expect(hasWorkInFlight(withInstance(status))).toBe(true);
  });

  it.each(['ACTIVE', 'SHUTOFF', 'VERIFY_RESIZE', 'ERROR'])('%s is steady', (status) => {
    expect(hasWorkInFlight(withInstance(status))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('shutdown, poweroff, reboot, halt', () => {
  it('ask the host for the power action', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    await run('shutdown -h now; shutdown -r now; halt');
    expect(machine.host.powerRequests).toEqual(['stop', 'reboot', 'stop']);
  });

  it('rejects a bad time', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('shutdown -h soon')).stderr).toBe('Failed to parse time specification: soon\n');
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('yes and the guest usage it shows', () => {
  it('a background yes keeps one vCPU busy until it is killed', async () => {
    const machine = bootTestMachine({ vcpus: 2 });
    const { run } = shellOf(machine);
    expect(machine.guest.usage()).toMatchObject({ running: true, vcpus: 2, busyProcesses: 0 });
    await run('yes > /dev/null &');
    await machine.advance(300);
    expect(machine.guest.usage().busyProcesses).toBe(1);
    await run('kill %1');
    await machine.advance(300);
    expect(machine.guest.usage().busyProcesses).toBe(0);
  });

  it('counts file writes and reads of the guest file system, not of /proc', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    const before = machine.guest.usage().disk;
    await run('echo hello > /tmp/a.txt');
    await run('cat /proc/uptime > /dev/null');
    const after = machine.guest.usage().disk;
    expect(after.bytesWritten - before.bytesWritten).toBe(6);
    expect(after.bytesRead - before.bytesRead).toBe(0);
  });
});

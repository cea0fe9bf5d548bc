import { describe, expect, it } from 'vitest';
import { bootTestMachine, settle, shellOf } from '../testing/harness.ts';

const SCRIPT = ['#!/bin/bash', 'echo "hello from $(whoami)"', 'mkdir -p /srv/www', 'echo ready > /srv/www/index.html', 'ls /nope'].join('\n');

describe('user data (cloud-init scripts-user)', () => {
  it('runs a #!/bin/bash script as root on the first boot, its output in /var/log/cloud-init-output.log', async () => {
    const machine = bootTestMachine({ userData: SCRIPT });
    const { run } = shellOf(machine);
    await expect.poll(async () => (await run('cat /var/log/cloud-init-output.log')).stdout, { timeout: 5_000 }).toContain('finished at');
    const log = (await run('cat /var/log/cloud-init-output.log')).stdout.split('\n');
    expect(log[0]).toMatch(/^Cloud-init v\. 22\.1 running 'modules:final' at .+\. Up 5\.00 seconds\.$/);
    expect(log.slice(1, 3)).toEqual(['hello from root', 'ls: cannot access /nope: No such file or directory']);
    expect(log[3]).toBe('Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)');
    expect(log[4]).toMatch(/^Cloud-init v\. 22\.1 finished at /);
    expect((await run('cat /srv/www/index.html')).stdout).toBe('ready\n');
    expect((await run('cat /var/lib/cloud/instances/i-test/user-data.txt')).stdout).toBe(SCRIPT);

    // Not again on the next boot: the marker is on the root disk.
    machine.guest.halt();
    machine.guest.boot();
    await settle();
    const again = (await shellOf(machine).run('grep -c "hello from" /var/log/cloud-init-output.log')).stdout;
    expect(again).toBe('1\n');
  });

  it('logs other user data as unhandled and runs nothing', async () => {
    const machine = bootTestMachine({ userData: 'packages:\n  - nginx\n' });
    await settle();
    expect((await shellOf(machine).run('cat /var/log/cloud-init-output.log')).stdout).toMatch(/Unhandled non-multipart \(text\/x-not-multipart\) userdata: 'b'packages:\.\.\.'\n$/);
  });

  it('does nothing without user data', async () => {
    const machine = bootTestMachine();
    await settle();
    expect((await shellOf(machine).run('cat /var/log/cloud-init-output.log')).exitCode).toBe(1);
  });
});

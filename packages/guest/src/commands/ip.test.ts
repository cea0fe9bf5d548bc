import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('ip', () => {
  it('shows the private address on eth0 (the floating IP is not visible inside)', async () => {
    const { run } = shellOf(bootTestMachine());
    const { stdout } = await run('ip addr');
    expect(stdout).toContain('    inet 192.168.0.4/24 brd 192.168.0.255 scope global dynamic eth0\n');
    expect(stdout).toContain('    link/ether fa:16:3e:a8:00:04 brd ff:ff:ff:ff:ff:ff\n');
    expect((await run('ip a')).stdout).toBe(stdout);
  });

  it('shows the default route and rejects unknown objects', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('ip route')).stdout).toMatch(/^default via 192.168.0.1 dev eth0/);
    expect((await run('ip foo')).stderr).toBe('Object "foo" is unknown, try "ip help".\n');
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('rm', () => {
  it('removes files and, with -r, trees', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('touch f; mkdir -p d/e; touch d/e/x');
    expect((await run('rm f && rm -r d && ls')).stdout).toBe('');
  });

  it('refuses directories without -r and reports missing files unless -f', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('mkdir d');
    expect((await run('rm d')).stderr).toBe('rm: cannot remove ‘d’: Is a directory\n');
    expect((await run('rm nofile')).stderr).toBe('rm: cannot remove ‘nofile’: No such file or directory\n');
    expect(await run('rm -f nofile')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('will not remove / recursively', async () => {
    const { run } = shellOf(bootTestMachine());
    const result = await run('rm -rf /');
    expect(result.stderr).toBe('rm: it is dangerous to operate recursively on ‘/’\nrm: use --no-preserve-root to override this failsafe\n');
    expect((await run('ls /etc/os-release')).exitCode).toBe(0);
  });

  it('empties a mount point but cannot remove it', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'v', sizeGb: 1, content: null });
    const { run } = shellOf(machine);
    await run('mkfs.ext4 -q /dev/vdb; mkdir ext; mount /dev/vdb ext; touch ext/a');
    const result = await run('rm -rf ext');
    expect(result.stderr).toBe('rm: cannot remove ‘ext’: Device or resource busy\n');
    expect((await run('ls -A ext')).stdout).toBe('');
  });
});

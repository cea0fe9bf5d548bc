import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('touch', () => {
  it('creates empty files and updates times', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    await run('touch a');
    expect((await run('ls -l a')).stdout).toBe('-rw-r--r--. 1 root root 0 Nov 11 17:00 a\n');
    machine.clock.advance(3 * 60_000);
    await run('touch a');
    expect((await run('ls -l a')).stdout).toContain('Nov 11 17:03 a');
  });

  it('fails for missing directories', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('touch a/b')).stderr).toBe('touch: cannot touch ‘a/b’: No such file or directory\n');
  });
});

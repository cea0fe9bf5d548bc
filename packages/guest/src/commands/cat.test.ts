import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('cat', () => {
  it('concatenates files and stdin (-)', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('echo a > 1; echo c > 3');
    expect((await run('echo b | cat 1 - 3')).stdout).toBe('a\nb\nc\n');
  });

  it('numbers lines with -n', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('echo -e "x\\ny" | cat -n')).stdout).toBe('     1\tx\n     2\ty\n');
  });

  it('reports missing files and directories but continues', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('echo ok > ok');
    expect(await run('cat nofile ok /etc')).toEqual({
      stdout: 'ok\n',
      stderr: 'cat: nofile: No such file or directory\ncat: /etc: Is a directory\n',
      exitCode: 1,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

async function withNumbers() {
  const shell = shellOf(bootTestMachine());
  await shell.run('echo -e "1\\n2\\n3\\n4\\n5\\n6\\n7\\n8\\n9\\n10\\n11\\n12" > n');
  return shell;
}

describe('head', () => {
  it('prints the first 10 lines, or -n N / -N', async () => {
    const { run } = await withNumbers();
    expect((await run('head n | wc -l')).stdout).toBe('10\n');
    expect((await run('head -n 2 n')).stdout).toBe('1\n2\n');
    expect((await run('head -3 n')).stdout).toBe('1\n2\n3\n');
    expect((await run('head -n -10 n')).stdout).toBe('1\n2\n');
  });

  it('prints headers for several files and reports missing ones', async () => {
    const { run } = await withNumbers();
    expect((await run('head -n1 n n')).stdout).toBe('==> n <==\n1\n\n==> n <==\n1\n');
    expect((await run('head nofile')).stderr).toBe('head: cannot open ‘nofile’ for reading: No such file or directory\n');
  });
});

describe('tail', () => {
  it('prints the last lines, or from line +N', async () => {
    const { run } = await withNumbers();
    expect((await run('tail -n 2 n')).stdout).toBe('11\n12\n');
    expect((await run('tail -n +11 n')).stdout).toBe('11\n12\n');
    expect((await run('cat n | tail -1')).stdout).toBe('12\n');
  });

  it('rejects a bad count', async () => {
    const { run } = await withNumbers();
    expect((await run('tail -n x n')).stderr).toBe('tail: invalid number of lines: ‘x’\n');
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('mkdir', () => {
  it('creates directories, with parents when -p', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('mkdir external && mkdir -p a/b/c && ls -d external a/b/c')).stdout).toBe('a/b/c\nexternal\n');
    expect((await run('mkdir -p a/b')).exitCode).toBe(0);
  });

  it('fails like coreutils 8.22 (CentOS 7 quotes)', async () => {
    const { run } = shellOf(bootTestMachine());
    expect(await run('mkdir a/b')).toEqual({
      stdout: '',
      stderr: 'mkdir: cannot create directory ‘a/b’: No such file or directory\n',
      exitCode: 1,
    });
    await run('mkdir x');
    expect((await run('mkdir x')).stderr).toBe('mkdir: cannot create directory ‘x’: File exists\n');
    expect((await run('mkdir')).stderr).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
  });

  it('uses ASCII quotes on modern images', async () => {
    const { run } = shellOf(bootTestMachine({ image: 'ubuntu-22.04' }));
    expect((await run('mkdir a/b')).stderr).toBe("mkdir: cannot create directory 'a/b': No such file or directory\n");
  });
});

describe('rmdir', () => {
  it('removes empty directories only', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('mkdir -p e f/g');
    expect((await run('rmdir e')).exitCode).toBe(0);
    expect((await run('rmdir f')).stderr).toBe('rmdir: failed to remove ‘f’: Directory not empty\n');
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';
import { basicToJs } from './grep.ts';

async function withFile() {
  const shell = shellOf(bootTestMachine());
  await shell.run('echo -e "Hello world\\nhello there\\nbye" > f');
  return shell;
}

describe('grep', () => {
  it('prints matching lines and exits 0, or 1 without match', async () => {
    const { run } = await withFile();
    expect(await run('grep hello f')).toEqual({ stdout: 'hello there\n', stderr: '', exitCode: 0 });
    expect((await run('grep nothing f')).exitCode).toBe(1);
  });

  it('supports -i -v -n -c', async () => {
    const { run } = await withFile();
    expect((await run('grep -i hello f')).stdout).toBe('Hello world\nhello there\n');
    expect((await run('grep -v hello f')).stdout).toBe('Hello world\nbye\n');
    expect((await run('grep -n bye f')).stdout).toBe('3:bye\n');
    expect((await run('grep -ic HELLO f')).stdout).toBe('2\n');
  });

  it('prefixes file names with several files and reads stdin', async () => {
    const { run } = await withFile();
    await run('cp f g');
    expect((await run('grep bye f g')).stdout).toBe('f:bye\ng:bye\n');
    expect((await run('cat f | grep -c o')).stdout).toBe('2\n');
  });

  it('reports missing files with status 2', async () => {
    const { run } = await withFile();
    expect(await run('grep x nofile')).toEqual({ stdout: '', stderr: 'grep: nofile: No such file or directory\n', exitCode: 2 });
  });

  it('understands basic and extended regular expressions', async () => {
    const { run } = await withFile();
    expect((await run('grep "^b.e$" f')).stdout).toBe('bye\n');
    expect((await run('grep -E "world|there" f | wc -l')).stdout).toBe('2\n');
    expect((await run('grep "world\\|there" f | wc -l')).stdout).toBe('2\n');
  });
});

describe('basicToJs', () => {
  it('swaps the meaning of escaped and plain metacharacters', () => {
    expect(basicToJs('a+\\(b\\)')).toBe('a\\+(b)');
  });
});

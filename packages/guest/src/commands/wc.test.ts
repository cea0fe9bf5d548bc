import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('wc', () => {
  it('counts lines, words and bytes with GNU column widths', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('echo -e "<html>\\nhello world!\\n</html>" > index.html');
    expect((await run('wc index.html')).stdout).toBe(' 3  4 28 index.html\n');
    expect((await run('wc -l index.html')).stdout).toBe('3 index.html\n');
    expect((await run('cat index.html | wc')).stdout).toBe('      3       4      28\n');
    expect((await run('wc -c < index.html')).stdout).toBe('28\n');
  });

  it('prints a total for several files and reports missing ones', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('echo a > a; echo bb > b');
    expect((await run('wc -c a b')).stdout).toBe('2 a\n3 b\n5 total\n');
    expect((await run('wc nofile')).stderr).toBe('wc: nofile: No such file or directory\n');
  });

  it('counts UTF-8 bytes and characters', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('echo -n 한글 | wc -c')).stdout).toBe('6\n');
    expect((await run('echo -n 한글 | wc -m')).stdout).toBe('2\n');
  });
});

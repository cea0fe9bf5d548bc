import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('du', () => {
  it('summarises allocated space with -sh', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('mkdir -p site/img; echo x > site/index.html; echo y > site/img/a.png');
    expect((await run('du -sh site')).stdout).toBe('16K\tsite\n');
    expect((await run('du -s site')).stdout).toBe('16\tsite\n');
  });

  it('lists every directory without -s', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('mkdir -p site/img; echo y > site/img/a.png');
    expect((await run('du site')).stdout).toBe('8\tsite/img\n12\tsite\n');
  });

  it('reports missing paths', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('du -sh nope')).stderr).toBe('du: cannot access ‘nope’: No such file or directory\n');
  });
});

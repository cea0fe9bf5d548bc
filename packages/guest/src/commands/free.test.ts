import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('free', () => {
  it('prints procps 3.3.10 layout with -h', async () => {
    const { run } = shellOf(bootTestMachine());
    const lines = (await run('free -h')).stdout.split('\n');
    expect(lines[0]).toBe('              total        used        free      shared  buff/cache   available');
    expect(lines[1]?.startsWith('Mem:           998M ')).toBe(true);
    expect(lines[2]).toBe('Swap:          2.0G          0B        2.0G');
  });

  it('uses Mi/Gi on modern images and KiB without options', async () => {
    const { run } = shellOf(bootTestMachine({ image: 'ubuntu-22.04', memoryMb: 2048 }));
    expect((await run('free -h')).stdout.split('\n')[1]).toMatch(/^Mem:\s+1.9Gi /);
    expect((await run('free')).stdout.split('\n')[1]).toMatch(/^Mem:\s+2043904 /);
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('clear', () => {
  it('emits the ANSI clear sequence', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('clear')).stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
  });
});

describe('which', () => {
  it('prints binary paths and fails for unknown programs', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('which ls mkfs.ext4 python')).stdout).toBe('/usr/bin/ls\n/usr/sbin/mkfs.ext4\n/usr/bin/python\n');
    expect(await run('which nano')).toEqual({
      stdout: '',
      stderr: '/usr/bin/which: no nano in (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin)\n',
      exitCode: 1,
    });
  });
});

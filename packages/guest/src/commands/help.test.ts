import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('help, type, source', () => {
  it('lists builtins and programs', async () => {
    const { run } = shellOf(bootTestMachine());
    const { stdout } = await run('help');
    expect(stdout.startsWith('GNU bash, version 4.2.46(2)-release')).toBe(true);
    expect(stdout).toContain(' cd [dir]\n');
    expect(stdout).toContain('mkfs.ext4');
    expect((await run('help nosuch')).exitCode).toBe(1);
  });

  it('tells builtins from programs', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('type cd ls')).stdout).toBe('cd is a shell builtin\nls is /usr/bin/ls\n');
  });

  it('sources scripts into the current shell', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('echo "cd /tmp; GREETING=hi" > env.sh');
    await run('source env.sh');
    expect((await run('pwd; echo $GREETING')).stdout).toBe('/tmp\nhi\n');
  });
});

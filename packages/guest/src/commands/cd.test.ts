import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('cd and pwd', () => {
  it('changes directory, home without argument, back with -', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('cd /etc; pwd; cd; pwd; cd -')).stdout).toBe('/etc\n/root\n/etc\n');
    expect((await run('cd ..; pwd; echo $PWD $OLDPWD')).stdout).toBe('/\n/ /etc\n');
  });

  it('reports missing directories and files', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('touch f');
    expect((await run('cd nope')).stderr).toBe('bash: cd: nope: No such file or directory\n');
    expect((await run('cd f')).stderr).toBe('bash: cd: f: Not a directory\n');
    expect((await run('cd a b')).stderr).toBe('bash: cd: too many arguments\n');
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('export, unset, env', () => {
  it('exports to the environment of programs', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('export APP_ENV=prod');
    expect((await run('env | grep APP_ENV')).stdout).toBe('APP_ENV=prod\n');
    expect((await run('export | grep APP_ENV')).stdout).toBe('declare -x APP_ENV="prod"\n');
    await run('unset APP_ENV');
    expect((await run('echo "[$APP_ENV]"')).stdout).toBe('[]\n');
  });

  it('rejects invalid names', async () => {
    const { run } = shellOf(bootTestMachine());
    expect(await run('export 1x=2')).toEqual({ stdout: '', stderr: "bash: export: `1x=2': not a valid identifier\n", exitCode: 1 });
  });

  it('starts with a login environment', async () => {
    const { run } = shellOf(bootTestMachine());
    const env = (await run('env')).stdout;
    expect(env).toContain('HOME=/root\n');
    expect(env).toContain('USER=root\n');
    expect(env).toContain('HOSTNAME=host-192-168-0-4\n');
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('identity commands', () => {
  it('hostname, whoami, id', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('hostname; hostname -I; whoami; id')).stdout).toBe(
      'host-192-168-0-4\n192.168.0.4 \nroot\nuid=0(root) gid=0(root) groups=0(root)\n',
    );
  });

  it('uname -a per image', async () => {
    const centos = shellOf(bootTestMachine());
    expect((await centos.run('uname -a')).stdout).toBe(
      'Linux host-192-168-0-4 3.10.0-1160.el7.x86_64 #1 SMP Mon Oct 19 16:18:59 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux\n',
    );
    expect((await centos.run('uname')).stdout).toBe('Linux\n');
    expect((await centos.run('uname -r')).stdout).toBe('3.10.0-1160.el7.x86_64\n');
  });
});

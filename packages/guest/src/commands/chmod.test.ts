import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';
import { applyMode } from './chmod.ts';

describe('chmod', () => {
  it('applies octal and symbolic modes', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('touch my_keypair.pem; chmod 0400 my_keypair.pem; touch s; chmod +x s');
    expect((await run('ls -l my_keypair.pem s')).stdout).toBe(
      '-r--------. 1 root root 0 Nov 11 17:00 my_keypair.pem\n-rwxr-xr-x. 1 root root 0 Nov 11 17:00 s\n',
    );
  });

  it('parses modes', () => {
    expect(applyMode('u+x,go-r', 0o644)).toBe(0o700);
    expect(applyMode('a=r', 0o777)).toBe(0o444);
    expect(applyMode('bogus', 0o644)).toBeUndefined();
  });
});

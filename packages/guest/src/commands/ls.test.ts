import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf, TerminalDriver } from '../testing/harness.ts';
import { compareNames } from './ls.ts';

describe('ls', () => {
  it('prints one name per line into a pipe, sorted like en_US.UTF-8', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('touch Zeta alpha _beta; mkdir Dir');
    expect((await run('ls')).stdout).toBe('alpha\n_beta\nDir\nZeta\n');
  });

  it('prints columns on a terminal', async () => {
    const machine = bootTestMachine();
    const terminal = new TerminalDriver(machine.guest.openSession());
    await terminal.session.runCommand('touch anaconda-ks.cfg index.html; mkdir external');
    terminal.take();
    expect(await terminal.enter('ls')).toBe('ls\r\nanaconda-ks.cfg  external  index.html\r\n[root@host-192-168-0-4 ~]# ');
  });

  it('shows hidden files with -a, including . and ..', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('ls -a')).stdout.split('\n').slice(0, 3)).toEqual(['.', '..', '.bash_logout']);
  });

  it('prints the long format with SELinux dot, total and aligned columns', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('mkdir -p d/sub; echo "hello world!" > d/index.html');
    expect((await run('ls -l d')).stdout).toBe(
      'total 8\n' +
        '-rw-r--r--. 1 root root   13 Nov 11 17:00 index.html\n' +
        'drwxr-xr-x. 2 root root 4096 Nov 11 17:00 sub\n',
    );
  });

  it('omits the SELinux dot on Ubuntu', async () => {
    const { run } = shellOf(bootTestMachine({ image: 'ubuntu-22.04' }));
    await run('touch f');
    expect((await run('ls -l f')).stdout).toBe('-rw-r--r-- 1 root root 0 Nov 11 17:00 f\n');
  });

  it('lists several operands with headers, files first', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('mkdir a b; touch a/1 f');
    expect((await run('ls b a f')).stdout).toBe('f\n\na:\n1\n\nb:\n');
  });

  it('reports missing files and exits 2', async () => {
    const { run } = shellOf(bootTestMachine());
    expect(await run('ls nofile')).toEqual({
      stdout: '',
      stderr: 'ls: cannot access nofile: No such file or directory\n',
      exitCode: 2,
    });
    const modern = shellOf(bootTestMachine({ image: 'debian-12' }));
    expect((await modern.run('ls nofile')).stderr).toBe("ls: cannot access 'nofile': No such file or directory\n");
  });

  it('rejects unknown options', async () => {
    const { run } = shellOf(bootTestMachine());
    expect(await run('ls -z')).toEqual({
      stdout: '',
      stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
      exitCode: 2,
    });
  });

  it('shows device numbers for block devices', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('ls -l /dev/vda2')).stdout).toBe('brw-rw----. 1 root disk 253, 2 Nov 11 17:00 /dev/vda2\n');
  });
});

describe('compareNames', () => {
  it('ignores case and punctuation first', () => {
    expect(['b', '.a', 'C'].sort(compareNames)).toEqual(['.a', 'b', 'C']);
  });
});

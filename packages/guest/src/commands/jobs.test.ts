import { describe, expect, it } from 'vitest';
import { bootTestMachine, settle, shellOf, TerminalDriver } from '../testing/harness.ts';

describe('fg, wait, kill -l', () => {
  it('brings a job to the foreground where CTRL+C reaches it', async () => {
    const machine = bootTestMachine();
    const terminal = new TerminalDriver(machine.guest.openSession());
    await terminal.type('sleep 100 &\r');
    terminal.take();
    await terminal.type('fg\r');
    expect(terminal.take()).toBe('fg\r\nsleep 100\r\n');
    await terminal.type('\x03');
    expect(terminal.take()).toBe('^C\r\n[root@host-192-168-0-4 ~]# ');
    expect((await terminal.session.runCommand('jobs')).stdout).toBe('');
  });

  it('says when there is no job', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('fg')).stderr).toBe('bash: fg: current: no such job\n');
  });

  it('waits for background jobs', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    let finished = false;
    const pending = run('sleep 1 & wait; echo all done').then((r) => {
      finished = true;
      return r;
    });
    await settle();
    expect(finished).toBe(false);
    await machine.advance(1000);
    expect((await pending).stdout).toBe('all done\n');
  });

  it('lists signals', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('kill -l')).stdout).toContain('15) SIGTERM');
    expect((await run('kill')).exitCode).toBe(2);
  });
});

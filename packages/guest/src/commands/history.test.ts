import { describe, expect, it } from 'vitest';
import { bootTestMachine, TerminalDriver } from '../testing/harness.ts';

describe('history', () => {
  it('numbers the lines typed in the session and supports N and -c', async () => {
    const machine = bootTestMachine();
    const terminal = new TerminalDriver(machine.guest.openSession());
    await terminal.enter('ls');
    await terminal.enter('df -h');
    expect(await terminal.enter('history 2')).toBe('history 2\r\n    2  df -h\r\n    3  history 2\r\n[root@host-192-168-0-4 ~]# ');
    await terminal.enter('history -c');
    expect((await terminal.session.runCommand('history')).stdout).toBe('');
  });
});

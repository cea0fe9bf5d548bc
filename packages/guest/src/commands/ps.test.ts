import { describe, expect, it } from 'vitest';
import { bootTestMachine, settle } from '../testing/harness.ts';

describe('ps', () => {
  it('lists the processes of the terminal', async () => {
    const machine = bootTestMachine();
    const session = machine.guest.openSession();
    await session.runCommand('sleep 60 &');
    await settle();
    const lines = (await session.runCommand('ps')).stdout.split('\n').filter((l) => l !== '');
    expect(lines[0]).toBe('  PID TTY          TIME CMD');
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/).slice(1))).toEqual([
      ['pts/0', '00:00:00', 'bash'],
      ['pts/0', '00:00:00', 'sleep'],
      ['pts/0', '00:00:00', 'ps'],
    ]);
  });

  it('lists system daemons with ps aux / ps -ef', async () => {
    const machine = bootTestMachine();
    const session = machine.guest.openSession();
    expect((await session.runCommand('ps aux')).stdout).toContain('/usr/sbin/sshd -D');
    expect((await session.runCommand('ps -ef')).stdout.split('\n')[0]).toBe('UID        PID  PPID  C STIME TTY          TIME CMD');
  });
});

import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf, TerminalDriver } from '../testing/harness.ts';
import { parseDuration, uptimeLine } from './time.ts';

describe('date', () => {
  it('prints the simulated time in UTC, or a format', async () => {
    const machine = bootTestMachine();
    machine.clock.set(Date.UTC(2015, 10, 11, 17, 3, 15));
    const { run } = shellOf(machine);
    expect((await run('date')).stdout).toBe('Wed Nov 11 17:03:15 UTC 2015\n');
    expect((await run('date +%Y-%m-%d_%H:%M')).stdout).toBe('2015-11-11_17:03\n');
  });
});

describe('uptime', () => {
  it('formats like procps', () => {
    const boot = Date.UTC(2015, 10, 11, 12, 0, 0);
    expect(uptimeLine(boot + 5 * 60_000, boot, 1)).toBe(' 12:05:00 up 5 min,  1 user,  load average: 0.00, 0.01, 0.05');
    expect(uptimeLine(boot + 26 * 3600_000 + 7 * 60_000, boot, 2)).toBe(
      ' 14:07:00 up 1 day,  2:07,  2 users,  load average: 0.00, 0.01, 0.05',
    );
  });
});

describe('sleep', () => {
  it('waits on the simulated clock', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    let done = false;
    const pending = run('sleep 2; echo woke').then((r) => {
      done = true;
      return r;
    });
    await machine.advance(1900);
    expect(done).toBe(false);
    await machine.advance(200);
    expect((await pending).stdout).toBe('woke\n');
  });

  it('is interrupted by CTRL+C and skips the rest of the line', async () => {
    const machine = bootTestMachine();
    const terminal = new TerminalDriver(machine.guest.openSession());
    await terminal.type('sleep 5; echo after\r');
    terminal.take();
    await terminal.type('\x03');
    expect(terminal.take()).toBe('^C\r\n[root@host-192-168-0-4 ~]# ');
  });

  it('rejects bad intervals', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('sleep x')).stderr).toBe("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n");
    expect(parseDuration('1.5m')).toBe(90_000);
  });
});

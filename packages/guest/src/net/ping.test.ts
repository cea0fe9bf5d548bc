import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf, TerminalDriver } from '../testing/harness.ts';

describe('ping', () => {
  it('pings through the host with -c and prints statistics', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    const pending = run('ping -c 2 8.8.8.8');
    await machine.advance(1500);
    const result = await pending;
    expect(machine.host.pingRequests).toEqual(['8.8.8.8', '8.8.8.8']);
    expect(result.stdout).toBe(
      'PING 8.8.8.8 (8.8.8.8) 56(84) bytes of data.\n' +
        '64 bytes from 8.8.8.8: icmp_seq=1 ttl=64 time=0.50 ms\n' +
        '64 bytes from 8.8.8.8: icmp_seq=2 ttl=64 time=0.50 ms\n' +
        '\n--- 8.8.8.8 ping statistics ---\n' +
        '2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n' +
        'rtt min/avg/max/mdev = 0.500/0.500/0.500/0.000 ms\n',
    );
    expect(result.exitCode).toBe(0);
  });

  it('runs until CTRL+C and reports 100% loss when blocked', async () => {
    const machine = bootTestMachine();
    machine.host.answerPing = () => ({ kind: 'timeout' });
    const terminal = new TerminalDriver(machine.guest.openSession());
    await terminal.type('ping 133.186.132.157\r');
    await machine.advance(3000);
    terminal.take();
    await terminal.type('\x03');
    expect(terminal.take()).toBe(
      '^C\r\n--- 133.186.132.157 ping statistics ---\r\n4 packets transmitted, 0 received, 100% packet loss, time 3000ms\r\n[root@host-192-168-0-4 ~]# ',
    );
  });

  it('rejects unknown hosts', async () => {
    const { run } = shellOf(bootTestMachine());
    expect(await run('ping nowhere.example')).toEqual({ stdout: '', stderr: 'ping: unknown host nowhere.example\n', exitCode: 2 });
  });
});

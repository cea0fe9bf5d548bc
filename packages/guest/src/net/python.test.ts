import { describe, expect, it } from 'vitest';
import { bootTestMachine, settle, shellOf, TerminalDriver } from '../testing/harness.ts';

describe('python -m SimpleHTTPServer', () => {
  it('follows the guide: serve index.html, log the request, stop with CTRL+C', async () => {
    const machine = bootTestMachine();
    const terminal = new TerminalDriver(machine.guest.openSession());
    await terminal.type('cat > index.html\r<html>\r<body>\rhello world!\r</body>\r</html>\r\x04');
    terminal.take();
    await terminal.type('python -m SimpleHTTPServer 80\r');
    expect(terminal.take()).toBe('python -m SimpleHTTPServer 80\r\nServing HTTP on 0.0.0.0 port 80 ...\r\n');

    machine.clock.set(Date.UTC(2015, 10, 11, 17, 3, 15));
    const handler = machine.host.listeners.get(80);
    const response = await handler?.({ method: 'GET', path: '/', clientIp: '103.243.200.42' });
    await settle();
    expect(response?.body).toBe('<html>\n<body>\nhello world!\n</body>\n</html>\n');
    expect(terminal.take()).toBe('103.243.200.42 - - [11/Nov/2015 17:03:15] "GET / HTTP/1.1" 200 -\r\n');

    await terminal.type('\x03');
    const output = terminal.take();
    expect(output.startsWith('^CTraceback (most recent call last):\r\n')).toBe(true);
    expect(output).toContain('KeyboardInterrupt\r\n[root@host-192-168-0-4 ~]# ');
    expect(machine.host.listeners.has(80)).toBe(false);
    expect((await terminal.session.runCommand('echo $?')).stdout).toBe('1\n');
  });

  it('fails on a port already in use', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    await run('python -m SimpleHTTPServer 80 &');
    await settle();
    const second = await run('python -m SimpleHTTPServer 80');
    expect(second.exitCode).toBe(1);
    expect(second.stderr.endsWith('socket.error: [Errno 98] Address already in use\n')).toBe(true);
  });

  it('serves from the directory it was started in, also via the guest API', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    await run('mkdir /srv/www && echo site > /srv/www/index.html && cd /srv/www && python -m SimpleHTTPServer 8080 &');
    await settle();
    const response = await machine.guest.deliverHttpRequest(8080, { method: 'GET', path: '/', clientIp: '192.168.0.10' });
    expect(response?.body).toBe('site\n');
    expect(await machine.guest.deliverHttpRequest(81, { method: 'GET', path: '/', clientIp: '192.168.0.10' })).toBeNull();
  });

  it('is python3 -m http.server on modern images', async () => {
    const machine = bootTestMachine({ image: 'rocky-9' });
    const terminal = new TerminalDriver(machine.guest.openSession());
    terminal.take();
    await terminal.type('python3 -m http.server 80\r');
    expect(terminal.take()).toBe('python3 -m http.server 80\r\nServing HTTP on 0.0.0.0 port 80 (http://0.0.0.0:80/) ...\r\n');
    await terminal.type('\x03');
    expect(terminal.take()).toBe('^C\r\nKeyboard interrupt received, exiting.\r\n[root@host-192-168-0-4 ~]# ');
    expect((await terminal.session.runCommand('python3 -m SimpleHTTPServer')).stderr).toBe(
      '/usr/bin/python3: No module named SimpleHTTPServer\n',
    );
  });

  it('reports its version on stderr (python 2)', async () => {
    const { run } = shellOf(bootTestMachine());
    expect(await run('python -V')).toEqual({ stdout: '', stderr: 'Python 2.7.5\n', exitCode: 0 });
  });
});

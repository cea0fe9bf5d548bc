import { describe, expect, it } from 'vitest';
import { bootTestMachine, settle, shellOf } from '../testing/harness.ts';

describe('curl', () => {
  it('reaches the guest own server on localhost', async () => {
    const machine = bootTestMachine();
    const { run } = shellOf(machine);
    await run('echo hi > index.html; python -m SimpleHTTPServer 80 &');
    await settle();
    expect((await run('curl -s http://localhost/')).stdout).toBe('hi\n');
    expect((await run('curl -sI localhost')).stdout).toMatch(/^HTTP\/1.0 200 OK\r\n/);
  });

  it('sends other requests to the host', async () => {
    const machine = bootTestMachine();
    machine.host.answerHttp = async () => ({ status: 200, statusText: 'OK', headers: {}, body: 'remote\n' });
    const { run } = shellOf(machine);
    expect((await run('curl -s 192.168.0.6')).stdout).toBe('remote\n');
    expect(machine.host.httpRequests[0]).toMatchObject({ method: 'GET', url: 'http://192.168.0.6/', sourceIp: '192.168.0.4' });
  });

  it('reports refused connections like curl 7.29', async () => {
    const { run } = shellOf(bootTestMachine());
    expect(await run('curl 10.0.0.9:8080')).toEqual({
      stdout: '',
      stderr: 'curl: (7) Failed connect to 10.0.0.9:8080; Connection refused\n',
      exitCode: 7,
    });
  });

  it('writes -o files', async () => {
    const machine = bootTestMachine();
    machine.host.answerHttp = async () => ({ status: 200, statusText: 'OK', headers: {}, body: 'file\n' });
    const { run } = shellOf(machine);
    await run('curl -s -o out.html http://example.test/');
    expect((await run('cat out.html')).stdout).toBe('file\n');
  });
});

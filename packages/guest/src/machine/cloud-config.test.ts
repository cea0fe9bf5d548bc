import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

const CLOUD_CONFIG = [
  '#cloud-config',
  'write_files:',
  '  - path: /etc/motd.d/welcome',
  '    content: |',
  '      hello from cloud-config',
  "    permissions: '0600'",
  'packages:',
  '  - nginx',
  'runcmd:',
  "  - echo '<h1>web-1</h1>' > /var/www/html/index.html",
  '  - [sh, -c, "echo ran > /root/ran.txt"]',
].join('\n');

const finished = async (run: (line: string) => Promise<{ stdout: string }>) =>
  expect.poll(async () => (await run('cat /var/log/cloud-init-output.log')).stdout, { timeout: 5_000 }).toContain('finished at');

describe('#cloud-config user data', () => {
  it('writes files, installs packages (nginx starts on Ubuntu and serves port 80) and runs runcmd', async () => {
    const machine = bootTestMachine({ image: 'ubuntu-22.04', userData: CLOUD_CONFIG });
    const { run } = shellOf(machine);
    await finished(run);
    expect((await run('cat /etc/motd.d/welcome')).stdout).toBe('hello from cloud-config\n');
    expect((await run('ls -l /etc/motd.d/welcome')).stdout).toMatch(/^-rw-------/);
    expect((await run('cat /root/ran.txt')).stdout).toBe('ran\n');
    expect((await run('which nginx')).stdout).toBe('/usr/sbin/nginx\n');
    expect((await run('systemctl is-active nginx')).stdout).toBe('active\n');
    const log = (await run('cat /var/log/cloud-init-output.log')).stdout;
    expect(log).toContain('Setting up nginx (1.20.1) ...');
    expect(machine.guest.listeningPorts()).toEqual([80]);
    const response = await machine.guest.deliverHttpRequest(80, { method: 'GET', path: '/', clientIp: '10.0.0.1' });
    expect(response?.status).toBe(200);
    expect(response?.body).toBe('<h1>web-1</h1>\n');
    // The daemon is a real process: stopping it closes the port.
    expect((await run('systemctl stop nginx; systemctl is-active nginx')).stdout).toBe('inactive\n');
    expect(machine.guest.listeningPorts()).toEqual([]);
  });

  it('on CentOS installs with yum and the web server waits for systemctl start', async () => {
    const machine = bootTestMachine({ userData: '#cloud-config\npackages: [nginx, python3]\nruncmd:\n  - systemctl start nginx\n' });
    const { run } = shellOf(machine);
    await finished(run);
    expect((await run('cat /var/log/cloud-init-output.log')).stdout).toContain('Installed:\n  nginx-1.20.1 python3-3.6.8');
    expect((await run('python3 -V')).stdout).toBe('Python 3.6.8\n');
    expect(machine.guest.listeningPorts()).toEqual([80]);
  });

  it('logs a document that is not YAML and runs nothing', async () => {
    const machine = bootTestMachine({ userData: '#cloud-config\nruncmd: [\n' });
    const { run } = shellOf(machine);
    await expect.poll(async () => (await run('cat /var/log/cloud-init-output.log')).stdout, { timeout: 5_000 }).toContain('Failed loading yaml blob');
  });

  it('an unknown package fails the stage as apt says', async () => {
    const machine = bootTestMachine({ image: 'ubuntu-22.04', userData: '#cloud-config\npackages: [nosuchpkg]\n' });
    const { run } = shellOf(machine);
    await finished(run);
    expect((await run('cat /var/log/cloud-init-output.log')).stdout).toContain('E: Unable to locate package nosuchpkg');
  });
});

describe('flavor-sized machine', () => {
  it('nproc, /proc/cpuinfo and free -m follow vcpus and memory', async () => {
    const machine = bootTestMachine({ vcpus: 4, memoryMb: 8192 });
    const { run } = shellOf(machine);
    expect((await run('nproc')).stdout).toBe('4\n');
    expect((await run('grep -c processor /proc/cpuinfo')).stdout).toBe('4\n');
    expect((await run('free -m')).stdout.split('\n')[1]).toMatch(/^Mem:\s+7\d{3}\s/);
  });

  it('the console output has the kernel lines and cloud-init output', async () => {
    const machine = bootTestMachine({ vcpus: 2, userData: '#!/bin/bash\necho script-says-hi\n' });
    await expect.poll(() => machine.guest.consoleOutput(), { timeout: 5_000 }).toContain('script-says-hi');
    const output = machine.guest.consoleOutput() ?? '';
    expect(output).toContain('smpboot: Allowing 2 CPUs');
    expect(output.indexOf('login: ')).toBeLessThan(output.indexOf('script-says-hi'));
    machine.guest.halt();
    expect(machine.guest.consoleOutput()).toBeNull();
  });
});

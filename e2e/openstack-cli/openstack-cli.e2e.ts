// The guide's scenario, driven by Debian's real `openstack` CLI (python3-openstackclient 6.x)
// against a started Sandcloud: what a user following the guide from a terminal does.
import { execFile } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandcloud, type StartedSandcloud } from './sandcloud-server.ts';

const OPENSTACK = '/usr/bin/openstack';
const PORT = Number(process.env.SANDCLOUD_OPENSTACK_CLI_PORT ?? 8186);
const UBUNTU = 'Ubuntu Server 22.04 LTS (2024.08)';

let cloud: StartedSandcloud;
let workDir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(program, args, { cwd: workDir, env: { ...process.env, ...env }, timeout: 60_000, maxBuffer: 4 << 20 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** `openstack …` with the suite's clouds.yaml; fails the test with the CLI's own message. */
async function openstack(...args: string[]): Promise<string> {
  const result = await run(OPENSTACK, args, { OS_CLIENT_CONFIG_FILE: join(workDir, 'clouds.yaml'), OS_CLOUD: 'sandcloud' });
  if (result.code !== 0) throw new Error(`openstack ${args.join(' ')} exited with ${result.code}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}
const openstackJson = async <T = Record<string, unknown>>(...args: string[]): Promise<T> => JSON.parse(await openstack(...args, '-f', 'json')) as T;

/** Polls `server show` until the status is reached: OSC 6.0's `server stop`/`start` have no --wait. */
async function waitForStatus(server: string, status: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const shown = await openstackJson<{ status: string }>('server', 'show', server);
    if (shown.status === status) return;
    if (Date.now() > deadline) throw new Error(`${server} is ${shown.status}, not ${status}, after 30 s`);
  }
}

/** The console's API, for what the CLI has no command for here (a project, its activation). */
async function consoleSession(): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${cloud.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(cloud.admin),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function consoleCall(session: { cookie: string; csrf: string }, method: string, path: string, body?: object): Promise<Response> {
  return fetch(`${cloud.url}/api${path}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

/** known_hosts with the server's own host key, so ssh talks only to this Sandcloud's SSH service. */
function knownHosts(): string {
  const { x } = createPublicKey(readFileSync(join(cloud.dataDir, 'ssh_host_ed25519_key'))).export({ format: 'jwk' });
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(Buffer.from(x!, 'base64url'))]);
  const path = join(workDir, 'known_hosts');
  writeFileSync(path, `127.*,[127.*]:* ssh-ed25519 ${blob.toString('base64')}\n`);
  return path;
}

describe('the guide with the real openstack CLI', () => {
  let projectId: string;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    // No skipping: the suite's pretest installs python3-openstackclient; without it this must fail.
    if (!existsSync(OPENSTACK)) {
      throw new Error(`${OPENSTACK} is missing: install Debian's python3-openstackclient (apt-get install -y python3-openstackclient)`);
    }
    cloud = await startSandcloud(PORT);
    workDir = cloud.dataDir;
    session = await consoleSession();
    const created = await consoleCall(session, 'POST', '/projects', { name: 'guide' });
    expect(created.status).toBe(201);
    projectId = ((await created.json()) as { id: string }).id;
    expect((await consoleCall(session, 'POST', `/projects/${projectId}/compute/activate`)).status).toBe(200);
    // The console's clouds.yaml for this user and project, with the password added as a user would.
    const yaml = await (await consoleCall(session, 'GET', `/clouds.yaml?projectId=${projectId}`)).text();
    expect(yaml).toContain(`project_id: "${projectId}"`);
    writeFileSync(join(workDir, 'clouds.yaml'), yaml.replace(/( +)username: (.*)\n/, `$1username: $2\n$1password: "${cloud.admin.password}"\n`));
  }, 90_000);

  afterAll(async () => {
    await cloud?.stop();
  });

  it('authenticates and lists what a new project has', async () => {
    // Independent reads: run side by side, as separate CLI processes.
    const [token, services, images, flavors, networks, zones] = await Promise.all([
      openstackJson<{ id: string; project_id: string; expires: string }>('token', 'issue'),
      openstackJson<{ Name: string; Type: string }[]>('catalog', 'list'),
      openstackJson<{ Name: string; Status: string }[]>('image', 'list'),
      openstackJson<{ Name: string; RAM: number; VCPUs: number }[]>('flavor', 'list'),
      openstackJson<{ Name: string }[]>('network', 'list'),
      openstackJson<{ 'Zone Name': string; 'Zone Status': string }[]>('availability', 'zone', 'list', '--compute'),
    ]);
    expect(token.project_id).toBe(projectId);
    expect(Date.parse(token.expires)).toBeGreaterThan(Date.now());
    expect(services.map((s) => s.Type).sort()).toEqual(['block-storage', 'compute', 'identity', 'image', 'load-balancer', 'network', 'volumev3']);
    expect(images.find((i) => i.Name === UBUNTU)?.Status).toBe('active');
    expect(flavors.find((f) => f.Name === 'm2.c1m2')).toMatchObject({ RAM: 2048, VCPUs: 1 });
    expect(networks.map((n) => n.Name).sort()).toEqual(['Default Network', 'Public Network']);
    expect(zones.map((z) => [z['Zone Name'], z['Zone Status']])).toEqual([
      ['kr-pub-a', 'available'],
      ['kr-pub-b', 'available'],
    ]);
  }, 60_000);

  it('creates a server with a new key pair, reaches it over ssh through a floating IP, and drives it', async () => {
    // Independent first steps side by side. keypair create prints the private key once: the user
    // saves it as key.pem.
    const [privateKey, rule, floatingIp] = await Promise.all([
      openstack('keypair', 'create', 'guide-key'),
      openstackJson('security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', '--remote-ip', '0.0.0.0/0', 'default'),
      openstackJson<{ floating_ip_address: string; id: string }>('floating', 'ip', 'create', 'Public Network'),
    ]);
    expect(privateKey).toMatch(/^-----BEGIN (RSA |OPENSSH )?PRIVATE KEY-----/);
    writeFileSync(join(workDir, 'key.pem'), privateKey);
    chmodSync(join(workDir, 'key.pem'), 0o600);
    expect(rule).toMatchObject({ protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0', direction: 'ingress' });
    expect(floatingIp.floating_ip_address).toMatch(new RegExp(`^203\\.${PORT % 250}\\.113\\.\\d+$`));

    const server = await openstackJson<{ id: string; status: string; name: string }>(
      'server', 'create', '--image', UBUNTU, '--flavor', 'm2.c1m2', '--key-name', 'guide-key', '--network', 'Default Network', '--wait', 'web',
    );
    expect(server).toMatchObject({ name: 'web', status: 'ACTIVE' });

    // The console sees what the CLI made.
    const instances = (await (await consoleCall(session, 'GET', `/projects/${projectId}/instances`)).json()) as { items: { id: string; name: string; status: string }[] };
    expect(instances.items.map(({ id, name, status }) => ({ id, name, status }))).toEqual([{ id: server.id, name: 'web', status: 'ACTIVE' }]);

    await openstack('server', 'add', 'floating', 'ip', 'web', floatingIp.floating_ip_address);
    const listed = await openstackJson<{ 'Floating IP Address': string; 'Fixed IP Address': string | null }[]>('floating', 'ip', 'list', '--floating-ip-address', floatingIp.floating_ip_address);
    expect(listed.map((f) => [f['Floating IP Address'], f['Fixed IP Address']])).toEqual([[floatingIp.floating_ip_address, '192.168.0.4']]);

    // ssh with the key the CLI printed, to the endpoint the console shows for that floating IP.
    const connect = (await (await consoleCall(session, 'GET', `/projects/${projectId}/instances/${server.id}/connect-info`)).json()) as { sshCommand: string };
    const [, ...sshWords] = connect.sshCommand.trim().split(/\s+/);
    const target = sshWords.pop()!;
    const portArgs = sshWords.includes('-p') ? ['-p', sshWords[sshWords.indexOf('-p') + 1]!] : [];
    const ssh = await run('ssh', [
      ...['-i', 'key.pem', ...portArgs, '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts()}`, '-o', 'GlobalKnownHostsFile=/dev/null'],
      ...['-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'LogLevel=ERROR', '-o', 'ConnectTimeout=5'],
      target,
      'whoami',
    ]);
    expect({ code: ssh.code, stdout: ssh.stdout.trim(), stderr: ssh.stderr }).toEqual({ code: 0, stdout: 'root', stderr: '' });

    await openstack('server', 'stop', 'web');
    await waitForStatus('web', 'SHUTOFF');
    const image = await openstackJson<{ id: string; status: string; name: string }>('server', 'image', 'create', '--name', 'web-image', '--wait', 'web');
    expect(image).toMatchObject({ name: 'web-image', status: 'active' });
    await openstack('server', 'start', 'web');
    await waitForStatus('web', 'ACTIVE');
    await openstack('server', 'reboot', '--wait', 'web');

    const clones = await openstackJson<{ name: string; status: string }>(
      'server', 'create', '--image', 'web-image', '--flavor', 'm2.c1m2', '--key-name', 'guide-key', '--min', '2', '--max', '2', '--wait', 'clone',
    );
    expect(clones.status).toBe('ACTIVE');
    const servers = await openstackJson<{ Name: string; Status: string; Image: string }[]>('server', 'list');
    expect(servers.map((s) => [s.Name, s.Status, s.Image]).sort()).toEqual([
      ['clone-1', 'ACTIVE', 'web-image'],
      ['clone-2', 'ACTIVE', 'web-image'],
      ['web', 'ACTIVE', UBUNTU],
    ]);

    await openstack('server', 'delete', '--wait', 'web', 'clone-1', 'clone-2');
    const after = (await (await consoleCall(session, 'GET', `/projects/${projectId}/instances`)).json()) as { items: unknown[] };
    expect(after.items).toEqual([]);
  }, 240_000);

  it('lets an admin create a project and a user and give the user a role', async () => {
    const [project, user] = await Promise.all([
      openstackJson<{ id: string; name: string }>('project', 'create', '--description', 'made by the CLI', 'team'),
      openstackJson<{ id: string; name: string }>('user', 'create', '--password', 'bob-password', 'bob'),
    ]);
    await openstack('role', 'add', '--project', 'team', '--user', 'bob', 'member');
    const assignments = await openstackJson<{ Role: string; User: string; Project: string }[]>('role', 'assignment', 'list', '--project', 'team', '--names');
    expect(assignments.map(({ Role, User, Project }) => [Role, User, Project]).sort()).toEqual([
      ['admin', 'admin@Default', 'team@Default'],
      ['member', 'bob@Default', 'team@Default'],
    ]);
    // The console's Members tab shows the same.
    const members = (await (await consoleCall(session, 'GET', `/projects/${project.id}/members`)).json()) as { items: { userId: string; role: string }[] };
    expect(members.items.find((m) => m.userId === user.id)?.role).toBe('member');
  }, 60_000);
});

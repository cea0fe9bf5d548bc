// The guide's load balancer step with Debian's real `openstack loadbalancer` CLI (python3-octaviaclient)
// against a started Sandcloud: two web servers behind a load balancer, reached with curl through a
// floating IP on the VIP port; members and health monitor changed and the whole deleted by the CLI.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHelpers, OPENSTACK, type ConsoleSession } from './cli-helpers.ts';
import { startSandcloud, type StartedSandcloud } from './sandcloud-server.ts';

const PORT = Number(process.env.SANDCLOUD_OPENSTACK2_LB_CLI_PORT ?? 8188);
const UBUNTU = 'Ubuntu Server 22.04 LTS (2024.08)';
/** Unprivileged, so the floating IP's endpoint is the same port on this machine whoever runs the suite. */
const WEB_PORT = 8080;

let cloud: StartedSandcloud;
let cli: ReturnType<typeof cliHelpers>;
let session: ConsoleSession;
let projectId: string;
const webServers: ChildProcess[] = [];

beforeAll(async () => {
  if (!existsSync(OPENSTACK)) throw new Error(`${OPENSTACK} is missing: install Debian's python3-openstackclient and python3-octaviaclient`);
  cloud = await startSandcloud(PORT);
  cli = cliHelpers(cloud, cloud.dataDir);
  session = await cli.consoleSession();
  projectId = await cli.guideProject(session, 'load-balancing');
}, 90_000);

afterAll(async () => {
  for (const child of webServers) if (child.exitCode === null) child.kill('SIGTERM');
  await cloud?.stop();
});

/** The ssh command line the console shows for a server, as argv for a long-running session. */
async function sshArgs(serverId: string, command: string): Promise<string[]> {
  const connect = (await (await cli.consoleCall(session, 'GET', `/projects/${projectId}/instances/${serverId}/connect-info`)).json()) as { sshCommand: string };
  const [, ...words] = connect.sshCommand.trim().split(/\s+/);
  const target = words.pop()!;
  const portArgs = words.includes('-p') ? ['-p', words[words.indexOf('-p') + 1]!] : [];
  return [
    ...['-i', join(cloud.dataDir, 'key.pem'), ...portArgs, '-o', `UserKnownHostsFile=${join(cloud.dataDir, 'known_hosts')}`, '-o', 'StrictHostKeyChecking=yes'],
    ...['-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'LogLevel=ERROR'],
    target,
    command,
  ];
}

describe('Load Balancer with the real openstack CLI', () => {
  it('balances curl on the VIP floating IP between two members, follows the health checks, and deletes with --cascade', async () => {
    const { openstack, openstackJson, ssh, run } = cli;
    const privateKey = await openstack('keypair', 'create', 'lb-key');
    writeFileSync(join(cloud.dataDir, 'key.pem'), privateKey);
    chmodSync(join(cloud.dataDir, 'key.pem'), 0o600);
    for (const port of ['22', String(WEB_PORT)]) {
      await openstack('security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', port, '--remote-ip', '0.0.0.0/0', 'default');
    }
    const servers: { id: string; name: string; address: string }[] = [];
    for (const name of ['web-1', 'web-2']) {
      const server = await openstackJson<{ id: string; addresses: Record<string, string[]> | string }>(
        'server', 'create', '--image', UBUNTU, '--flavor', 'm2.c1m2', '--key-name', 'lb-key', '--wait', name,
      );
      const fip = await openstackJson<{ floating_ip_address: string }>('floating', 'ip', 'create', 'Public Network');
      await openstack('server', 'add', 'floating', 'ip', name, fip.floating_ip_address);
      const ports = await openstackJson<{ 'Fixed IP Addresses': { ip_address: string }[] | string }[]>('port', 'list', '--server', name);
      const fixed = JSON.stringify(ports[0]!['Fixed IP Addresses']).match(/192\.168\.\d+\.\d+/)![0];
      servers.push({ id: server.id, name, address: fixed });
    }
    // A web server in each guest, each with its own page, kept running by its ssh session.
    expect((await ssh(session, projectId, servers[0]!.id, 'true')).code).toBe(0); // writes known_hosts
    for (const server of servers) {
      const child = spawn('ssh', await sshArgs(server.id, `echo ${server.name} > index.html && python3 -m http.server ${WEB_PORT}`), { stdio: 'ignore' });
      webServers.push(child);
    }

    // The CLI's `loadbalancer create` makes an empty load balancer, which Sandcloud's engine does not
    // have: the same user creates it fully populated through the Octavia API, with the CLI's token.
    const token = (await openstack('token', 'issue', '-f', 'value', '-c', 'id')).trim();
    const subnet = (await openstackJson<{ ID: string }[]>('subnet', 'list'))[0]!.ID;
    const created = await fetch(`${cloud.url}/load-balancer/v2.0/lbaas/loadbalancers`, {
      method: 'POST',
      headers: { 'x-auth-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({
        loadbalancer: {
          name: 'lb1',
          vip_subnet_id: subnet,
          listeners: [
            {
              name: 'http',
              protocol: 'HTTP',
              protocol_port: WEB_PORT,
              default_pool: {
                protocol: 'HTTP',
                lb_algorithm: 'ROUND_ROBIN',
                members: servers.map((s) => ({ address: s.address, protocol_port: WEB_PORT, subnet_id: subnet })),
                healthmonitor: { type: 'HTTP', delay: 2, timeout: 1, max_retries: 1, url_path: '/' },
              },
            },
          ],
        },
      }),
    });
    expect(created.status).toBe(201);

    const lb = await cli.waitFor(['loadbalancer', 'show', 'lb1'], 'provisioning_status', 'ACTIVE');
    const listeners = await openstackJson<{ id: string; protocol_port: number }[]>('loadbalancer', 'listener', 'list', '--loadbalancer', 'lb1');
    expect(listeners.map((l) => l.protocol_port)).toEqual([WEB_PORT]);
    const pools = await openstackJson<{ id: string; lb_algorithm: string }[]>('loadbalancer', 'pool', 'list', '--loadbalancer', 'lb1');
    expect(pools.map((p) => p.lb_algorithm)).toEqual(['ROUND_ROBIN']);
    const poolId = pools[0]!.id;
    const monitors = await openstackJson<{ type: string }[]>('loadbalancer', 'healthmonitor', 'list');
    expect(monitors.map((m) => m.type)).toEqual(['HTTP']);

    // The members go ONLINE once the real health checks reach the guests' web servers.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const members = await openstackJson<{ address: string; operating_status: string }[]>('loadbalancer', 'member', 'list', poolId);
      if (members.length === 2 && members.every((m) => m.operating_status === 'ONLINE')) break;
      if (Date.now() > deadline) throw new Error(`members not ONLINE after 60 s: ${JSON.stringify(members)}`);
    }
    expect((await openstackJson<{ operating_status: string }>('loadbalancer', 'show', 'lb1')).operating_status).toBe('ONLINE');

    // A floating IP on the VIP port, and curl on it alternates between the members' pages.
    const vip = await openstackJson<{ floating_ip_address: string }>('floating', 'ip', 'create', '--port', String(lb.vip_port_id), 'Public Network');
    const loopback = vip.floating_ip_address.replace(/^\d+/, '127');
    const pages: string[] = [];
    for (let i = 0; i < 4; i++) {
      const curl = await run('curl', ['-s', '--max-time', '5', `http://${loopback}:${WEB_PORT}/`]);
      expect(curl.code).toBe(0);
      pages.push(curl.stdout.trim());
    }
    expect(pages).toEqual(pages[0] === 'web-1' ? ['web-1', 'web-2', 'web-1', 'web-2'] : ['web-2', 'web-1', 'web-2', 'web-1']);

    // The CLI changes the health monitor and removes a member: the load balancer goes PENDING_UPDATE → ACTIVE.
    const monitorId = (await openstackJson<{ id: string }[]>('loadbalancer', 'healthmonitor', 'list'))[0]!.id;
    await openstack('loadbalancer', 'healthmonitor', 'set', '--delay', '3', monitorId);
    await cli.waitFor(['loadbalancer', 'show', 'lb1'], 'provisioning_status', 'ACTIVE');
    const memberOf2 = (await openstackJson<{ id: string; address: string }[]>('loadbalancer', 'member', 'list', poolId)).find((m) => m.address === servers[1]!.address)!;
    await openstack('loadbalancer', 'member', 'delete', poolId, memberOf2.id);
    await cli.waitFor(['loadbalancer', 'show', 'lb1'], 'provisioning_status', 'ACTIVE');
    for (let i = 0; i < 2; i++) expect((await run('curl', ['-s', '--max-time', '5', `http://${loopback}:${WEB_PORT}/`])).stdout.trim()).toBe('web-1');

    // The console shows the load balancer the API made.
    const consoleLbs = (await (await cli.consoleCall(session, 'GET', `/projects/${projectId}/load-balancers`)).json()) as { items: { name: string }[] };
    expect(consoleLbs.items.map((item) => item.name)).toEqual(['lb1']);

    await openstack('loadbalancer', 'delete', '--cascade', '--wait', 'lb1');
    expect(await openstackJson('loadbalancer', 'list')).toEqual([]);
    const vipPort = await run(OPENSTACK, ['port', 'show', String(lb.vip_port_id)], { OS_CLIENT_CONFIG_FILE: join(cloud.dataDir, 'clouds.yaml'), OS_CLOUD: 'sandcloud' });
    expect(vipPort.code).not.toBe(0);
  }, 420_000);
});

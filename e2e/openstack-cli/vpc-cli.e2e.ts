// Issue 15's Neutron writes with Debian's real `openstack` CLI against a started Sandcloud: a
// network, a subnet, a router with the subnet and the external gateway, a port with a fixed IP, and
// the console shows the VPC the CLI built.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHelpers, OPENSTACK, type ConsoleSession } from './cli-helpers.ts';
import { startSandcloud, type StartedSandcloud } from './sandcloud-server.ts';

const PORT = Number(process.env.SANDCLOUD_VPC_CLI_PORT ?? 8222);

let cloud: StartedSandcloud;
let cli: ReturnType<typeof cliHelpers>;
let session: ConsoleSession;
let projectId: string;

beforeAll(async () => {
  if (!existsSync(OPENSTACK)) throw new Error(`${OPENSTACK} is missing: install Debian's python3-openstackclient`);
  cloud = await startSandcloud(PORT);
  cli = cliHelpers(cloud, cloud.dataDir);
  session = await cli.consoleSession();
  projectId = await cli.guideProject(session, 'vpc-cli');
}, 90_000);

afterAll(async () => {
  await cloud?.stop();
});

describe('Neutron writes with the real openstack CLI', () => {
  it('network create, subnet create, router create + add subnet + external gateway, port create with a fixed IP; the console shows them', async () => {
    const { openstack, openstackJson, consoleCall } = cli;
    const net = await openstackJson<{ id: string; name: string }>('network', 'create', 'cli-net');
    expect(net.name).toBe('cli-net');
    const subnet = await openstackJson<{ id: string; cidr: string; gateway_ip: string }>('subnet', 'create', '--network', 'cli-net', '--subnet-range', '10.50.1.0/24', 'cli-subnet');
    expect(subnet).toMatchObject({ cidr: '10.50.1.0/24', gateway_ip: '10.50.1.1' });
    const router = await openstackJson<{ id: string }>('router', 'create', 'cli-router');
    await openstack('router', 'add', 'subnet', 'cli-router', 'cli-subnet');
    await openstack('router', 'set', '--external-gateway', 'Public Network', 'cli-router');
    const shown = await openstackJson<{ external_gateway_info: { network_id: string } | null; interfaces_info?: unknown }>('router', 'show', 'cli-router');
    expect(shown.external_gateway_info).not.toBeNull();
    const port = await openstackJson<{ fixed_ips: unknown }>('port', 'create', '--network', 'cli-net', '--fixed-ip', 'subnet=cli-subnet,ip-address=10.50.1.77', 'cli-port');
    expect(JSON.stringify(port.fixed_ips)).toContain('10.50.1.77');
    const refused = await cli.run(OPENSTACK, ['subnet', 'delete', 'cli-subnet'], { OS_CLIENT_CONFIG_FILE: `${cloud.dataDir}/clouds.yaml`, OS_CLOUD: 'sandcloud' });
    expect(refused.code).not.toBe(0);

    const tables = (await (await consoleCall(session, 'GET', `/projects/${projectId}/routing-tables`)).json()) as { items: { id: string; name: string; internetGateway: boolean; subnets: { name: string }[] }[] };
    expect(tables.items.find((table) => table.id === router.id)).toMatchObject({ name: 'cli-router', internetGateway: true, subnets: [{ name: 'cli-subnet' }] });
    const interfaces = (await (await consoleCall(session, 'GET', `/projects/${projectId}/network-interfaces`)).json()) as { items: { name: string; fixedIp: string }[] };
    expect(interfaces.items.find((item) => item.name === 'cli-port')?.fixedIp).toBe('10.50.1.77');

    await openstack('port', 'delete', 'cli-port');
    await openstack('router', 'remove', 'subnet', 'cli-router', 'cli-subnet');
    await openstack('router', 'delete', 'cli-router');
    await openstack('network', 'delete', 'cli-net');
    expect(await openstack('network', 'list', '-f', 'value', '-c', 'Name')).not.toContain('cli-net');
  }, 120_000);
});

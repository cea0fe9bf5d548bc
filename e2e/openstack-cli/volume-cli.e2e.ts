// The guide's Block Storage steps with Debian's real `openstack` CLI against a started Sandcloud:
// a volume the CLI creates and attaches is a disk the guest really sees, formats and mounts.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHelpers, OPENSTACK, type ConsoleSession } from './cli-helpers.ts';
import { startSandcloud, type StartedSandcloud } from './sandcloud-server.ts';

const PORT = Number(process.env.SANDCLOUD_OPENSTACK2_CLI_PORT ?? 8193);
const UBUNTU = 'Ubuntu Server 22.04 LTS (2024.08)';

let cloud: StartedSandcloud;
let cli: ReturnType<typeof cliHelpers>;
let session: ConsoleSession;
let projectId: string;

beforeAll(async () => {
  if (!existsSync(OPENSTACK)) throw new Error(`${OPENSTACK} is missing: install Debian's python3-openstackclient`);
  cloud = await startSandcloud(PORT);
  cli = cliHelpers(cloud, cloud.dataDir);
  session = await cli.consoleSession();
  projectId = await cli.guideProject(session, 'volumes');
}, 90_000);

afterAll(async () => {
  await cloud?.stop();
});

describe('Block Storage with the real openstack CLI', () => {
  it('creates a volume, attaches it (the guest formats and mounts /dev/vdb), detaches and deletes it', async () => {
    const { openstack, openstackJson, waitFor, ssh, consoleCall } = cli;
    const privateKey = await openstack('keypair', 'create', 'vol-key');
    writeFileSync(join(cloud.dataDir, 'key.pem'), privateKey);
    chmodSync(join(cloud.dataDir, 'key.pem'), 0o600);
    await openstack('security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', '--remote-ip', '0.0.0.0/0', 'default');
    const server = await openstackJson<{ id: string; status: string }>('server', 'create', '--image', UBUNTU, '--flavor', 'm2.c1m2', '--key-name', 'vol-key', '--wait', 'db');
    expect(server.status).toBe('ACTIVE');
    const floatingIp = await openstackJson<{ floating_ip_address: string }>('floating', 'ip', 'create', 'Public Network');
    await openstack('server', 'add', 'floating', 'ip', 'db', floatingIp.floating_ip_address);

    const volume = await openstackJson<{ id: string; size: number; status: string }>('volume', 'create', '--size', '10', 'data');
    expect(volume).toMatchObject({ size: 10, status: 'creating' });
    await waitFor(['volume', 'show', 'data'], 'status', 'available');
    // The console lists the volume the CLI made.
    const listed = (await (await consoleCall(session, 'GET', `/projects/${projectId}/volumes`)).json()) as { items: { id: string; name: string }[] };
    expect(listed.items.map(({ id, name }) => ({ id, name }))).toEqual([{ id: volume.id, name: 'data' }]);

    await openstack('server', 'add', 'volume', 'db', 'data');
    const inUse = await waitFor(['volume', 'show', 'data'], 'status', 'in-use');
    expect(JSON.stringify(inUse.attachments)).toContain('/dev/vdb');

    const lsblk = await ssh(session, projectId, server.id, 'lsblk');
    expect({ code: lsblk.code, stderr: lsblk.stderr }).toEqual({ code: 0, stderr: '' });
    expect(lsblk.stdout).toMatch(/^vdb\s/m);
    const mounted = await ssh(session, projectId, server.id, 'mkfs.ext4 /dev/vdb > /dev/null && mkdir -p /mnt/data && mount /dev/vdb /mnt/data && echo hello > /mnt/data/hello.txt && cat /mnt/data/hello.txt && umount /mnt/data');
    expect({ code: mounted.code, stdout: mounted.stdout.trim() }).toEqual({ code: 0, stdout: 'hello' });

    await openstack('server', 'remove', 'volume', 'db', 'data');
    const detached = await waitFor(['volume', 'show', 'data'], 'status', 'available');
    expect(detached.attachments).toEqual([]);
    const after = await ssh(session, projectId, server.id, 'lsblk');
    expect(after.stdout).not.toMatch(/^vdb\s/m);

    await openstack('volume', 'delete', 'data');
    const deadline = Date.now() + 30_000;
    while ((await openstackJson<unknown[]>('volume', 'list')).length > 0) {
      if (Date.now() > deadline) throw new Error('the volume is still listed 30 s after delete');
    }
  }, 300_000);
});

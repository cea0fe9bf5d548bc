import { describe, expect, it } from 'vitest';
import { computeTestApi, IMAGES, prepareComputeProject } from '../test-support/compute-project.ts';
import { activatedProject, login } from '../test-support/test-api.ts';

/** Two ACTIVE CentOS instances in kr-pub-a and a 10 GB volume, as in the guide's step 7. */
async function setup() {
  const api = await computeTestApi();
  const { client, base, projectId } = api;
  const [first, second] = await api.createInstances({ imageId: IMAGES.centos7, count: 2 });
  const volume = (await client.post(`${base}/volumes`, { name: 'data', sizeGb: 10, zone: 'kr-pub-a' }).expect(201)).body;
  api.engine.advance(5_000);
  const sh = async (instanceId: string, line: string) => api.engine.modules.guests.runCommand(projectId, instanceId, line);
  const attach = async (instanceId: string) => {
    await client.post(`${base}/volumes/${volume.id}/attach`, { instanceId }).expect(202);
    api.engine.advance(5_000);
  };
  const detach = async () => {
    await client.post(`${base}/volumes/${volume.id}/detach`, {}).expect(202);
    api.engine.advance(5_000);
  };
  const volumeNow = async () => (await client.get(`${base}/volumes/${volume.id}`).expect(200)).body;
  return { ...api, first, second: second!, sh, attach, detach, volumeNow };
}

describe('guest disks', () => {
  it('follows the guide: mkfs, mount, df, unmount, detach, attach elsewhere and read the file back', async () => {
    const { first, second, sh, attach, detach, volumeNow } = await setup();
    expect((await sh(first.id, 'df -h')).stdout).toMatch(/\/dev\/vda2\s+18G/);

    await attach(first.id);
    expect((await sh(first.id, 'lsblk')).stdout).toMatch(/vdb\s+\S+\s+\S+\s+10G/);
    expect((await sh(first.id, 'mkfs.ext4 /dev/vdb')).stdout).toMatch(/Writing superblocks and filesystem accounting information: done/);
    await sh(first.id, 'mkdir external && mount /dev/vdb external');
    expect((await sh(first.id, 'df -h')).stdout).toMatch(/\/dev\/vdb\s+9\.\dG.*\/root\/external/);
    expect((await volumeNow()).attachment.mountPoint).toBe('/root/external');

    await sh(first.id, "echo 'kept across instances' > external/note.txt");
    await sh(first.id, 'umount external/');
    expect((await volumeNow()).attachment.mountPoint).toBeNull();
    await detach();

    await attach(second.id);
    await sh(second.id, 'mkdir external && mount /dev/vdb external');
    expect((await sh(second.id, 'cat external/note.txt')).stdout).toBe('kept across instances\n');
  });

  it('detaching while mounted loses the writes that were still in the cache', async () => {
    const { first, second, sh, attach, detach } = await setup();
    await attach(first.id);
    await sh(first.id, 'mkfs.ext4 /dev/vdb && mkdir external && mount /dev/vdb external');
    await sh(first.id, 'echo flushed > external/a.txt && sync');
    await sh(first.id, 'echo cached > external/b.txt');
    await detach();

    await attach(second.id);
    await sh(second.id, 'mkdir external && mount /dev/vdb external');
    expect((await sh(second.id, 'cat external/a.txt')).stdout).toBe('flushed\n');
    expect((await sh(second.id, 'cat external/b.txt')).exitCode).not.toBe(0);
  });

  it('root disk files survive stop and start, and mounts in /etc/fstab come back at boot', async () => {
    const { client, base, engine, first, sh, attach } = await setup();
    await attach(first.id);
    await sh(first.id, 'mkfs.ext4 /dev/vdb && mkdir external && mount /dev/vdb external && echo hello > index.html');
    await sh(first.id, "echo '/dev/vdb /root/external ext4 defaults 0 0' >> /etc/fstab && echo vol > external/v.txt");
    await client.post(`${base}/instances/${first.id}/actions`, { action: 'stop' }).expect(202);
    engine.advance(3_000);
    await client.post(`${base}/instances/${first.id}/actions`, { action: 'start' }).expect(202);
    engine.advance(3_000);
    expect((await sh(first.id, 'cat index.html')).stdout).toBe('hello\n');
    expect((await sh(first.id, 'cat external/v.txt')).stdout).toBe('vol\n');
  });

  it('poweroff inside the guest stops the instance in the console', async () => {
    const { client, base, engine, first, sh } = await setup();
    await sh(first.id, 'poweroff');
    await new Promise((resolve) => setImmediate(resolve));
    expect((await client.get(`${base}/instances/${first.id}`)).body.taskState).toBe('powering-off');
    engine.advance(3_000);
    expect((await client.get(`${base}/instances/${first.id}`)).body.status).toBe('SHUTOFF');
  });

  it('guests reach each other only as the security groups allow', async () => {
    const { client, base, first, second, sh } = await setup();
    const secondIp = (await client.get(`${base}/instances/${second.id}`)).body.privateIp;
    // default: members of the group reach each other
    expect((await sh(first.id, `ping -c 1 ${secondIp}`)).stdout).toMatch(/1 received/);
    await sh(second.id, 'echo hi > index.html');
    const server = sh(second.id, 'python -m SimpleHTTPServer 80 &');
    await server;
    expect((await sh(first.id, `curl -s http://${secondIp}/`)).stdout).toBe('hi\n');

    // In a group with no ingress rule, the same request is dropped.
    const closed = (await client.post(`${base}/security-groups`, { name: 'closed' }).expect(201)).body;
    await client.put(`${base}/instances/${second.id}/security-groups`, { securityGroupIds: [closed.id] }).expect(200);
    const blocked = await sh(first.id, `curl -sS http://${secondIp}/`);
    expect(blocked.exitCode).not.toBe(0);
    expect(blocked.stderr).toMatch(/Connection timed out/);
  });

  it("a private address means nothing outside its own network: another project's 192.168.0.x is unreachable", async () => {
    const { client, base, engine, app, second, sh } = await setup();
    const secondIp = (await client.get(`${base}/instances/${second.id}`)).body.privateIp;
    await sh(second.id, 'echo mine > index.html');
    await sh(second.id, 'python -m SimpleHTTPServer 80 &');

    // A second project has the same Default Network range, but its own network.
    const other = await login(app);
    const otherProject = await activatedProject(other, 'other');
    const [outsider] = await (await prepareComputeProject(other, otherProject)).createInstances({ name: 'outsider', imageId: IMAGES.centos7 });
    engine.advance(5_000);
    const attempt = await engine.modules.guests.runCommand(otherProject, outsider.id, `curl -sS http://${secondIp}/`);
    expect(attempt.stdout).not.toContain('mine');
    expect(attempt.exitCode).not.toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { computeTestApi } from '../test-support/compute-project.ts';

const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx test@example';

/** An instance with a file on its root disk, a volume holding a file attached to it, and a floating IP. */
async function preparedProject() {
  const api = await computeTestApi();
  const { client, base, projectId, engine } = api;
  const [web] = await api.createInstances();
  const volume = (await client.post(`${base}/volumes`, { name: 'data', sizeGb: 10, zone: 'kr-pub-a' }).expect(201)).body;
  engine.advance(5_000);
  const sh = async (instanceId: string, line: string) => engine.modules.guests.runCommand(projectId, instanceId, line);
  await client.post(`${base}/volumes/${volume.id}/attach`, { instanceId: web.id }).expect(202);
  engine.advance(5_000);
  await sh(web.id, 'echo on-root > /root/note.txt && sync');
  await sh(web.id, 'mkfs.ext4 /dev/vdb && mkdir /root/external && mount /dev/vdb /root/external');
  await sh(web.id, 'echo on-volume > /root/external/data.txt && sync');
  const fip = (await client.post(`${base}/floating-ips`, {}).expect(201)).body;
  await client.post(`${base}/floating-ips/${fip.id}/associate`, { portId: web.portId }).expect(200);
  const reset = async () => {
    await client.post(`${base}/reset`, { confirmName: 'demo' }).expect(202);
    for (let i = 0; i < 40 && (await client.get(`${base}/reset`)).body.state !== 'done'; i++) engine.advance(500);
  };
  /** Sends a state file as the console uploads it: the raw file. */
  const upload = (text: string) =>
    client.agent.post(`/api${base}/state`).set('X-CSRF-Token', client.csrfToken).set('Content-Type', 'application/octet-stream').send(text);
  const list = async (kind: string) => (await client.get(`${base}/${kind}`).expect(200)).body.items as Record<string, unknown>[];
  return { ...api, sh, reset, upload, list };
}

describe('project state export and import', () => {
  it('export → reset → import gives back the instance with its files and key, the volume with its files, the floating IP', async () => {
    const { client, base, engine, sh, reset, upload, list } = await preparedProject();
    const exported = await client.get(`${base}/state`).expect(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="demo-state-.*\.json"$/);
    const doc = exported.body;
    expect(doc).toMatchObject({ format: 'sandcloud-state', version: 1, project: { name: 'demo' }, keyPairs: [{ name: 'my_keypair', publicKey: PUBLIC_KEY }] });
    expect(doc.resources.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['instance', 'volume', 'floating-ip', 'security-group', 'network']));

    await reset();
    expect(await list('instances')).toEqual([]);

    const imported = await upload(JSON.stringify(doc)).expect(201);
    expect(imported.body).toEqual({
      created: { keyPairs: 1, securityGroups: 0, rules: 0, instances: 1, volumes: 1, floatingIps: 1, images: 0, loadBalancers: 0, volumeSnapshots: 0 },
      pendingLinks: 2,
      skipped: [],
    });
    engine.advance(5_000); // build
    engine.advance(5_000); // the links find both ends ready; the attachment completes

    const [web] = await list('instances');
    expect(web).toMatchObject({ name: 'web', status: 'ACTIVE', keyName: 'my_keypair' });
    const id = web!.id as string;
    expect((await sh(id, 'cat /root/note.txt')).stdout).toBe('on-root\n');
    expect((await sh(id, 'cat /root/.ssh/authorized_keys')).stdout).toContain(PUBLIC_KEY);
    await sh(id, 'mount /dev/vdb /root/external');
    expect((await sh(id, 'cat /root/external/data.txt')).stdout).toBe('on-volume\n');
    const [volume] = await list('volumes');
    expect(volume).toMatchObject({ name: 'data', status: 'in-use' });
    const [fip] = await list('floating-ips');
    expect(fip).toMatchObject({ fixedIp: web!.privateIp });
  });

  it('a private image, two instances launched from it and their load balancer come back; floating IPs keep their addresses when free', async () => {
    const api = await preparedProject();
    const { client, base, engine, reset, upload, list, sh } = api;
    const [web] = await list('instances');
    await sh(web!.id as string, 'echo from-image > /root/index.html && sync');
    engine.advance(30_000);
    await client.post(`${base}/instances/${web!.id as string}/actions`, { action: 'stop' }).expect(202);
    engine.advance(3_000);
    const image = (await client.post(`${base}/images`, { instanceId: web!.id, name: 'web-image', description: '' }).expect(202)).body;
    engine.advance(30_000);
    const pair = (await client.post(`${base}/instances`, api.instanceRequest({ name: 'lb-web', imageId: image.id, count: 2 })).expect(201)).body.items as { id: string }[];
    engine.advance(5_000);
    const subnetId = (await client.get(`${base}/networks`).expect(200)).body.items[0].subnetId as string;
    const lb = (
      await client
        .post(`${base}/load-balancers`, {
          name: 'web-lb',
          subnetId,
          listener: { protocol: 'HTTP', protocolPort: 80 },
          pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: pair.map((i) => ({ instanceId: i.id })), healthMonitor: { type: 'TCP', monitorPort: 80 } },
        })
        .expect(201)
    ).body;
    engine.advance(5_000);
    const lbIp = (await client.post(`${base}/floating-ips`, {}).expect(201)).body;
    await client.post(`${base}/floating-ips/${lbIp.id}/associate`, { portId: lb.vipPortId }).expect(200);
    // A snapshot of the volume: it comes back with the volume.
    const [volume] = await list('volumes');
    await client.post(`${base}/volume-snapshots`, { volumeId: volume!.id, name: 'before' }).expect(201);
    engine.advance(5_000);
    const doc = (await client.get(`${base}/state`).expect(200)).body;

    await reset();
    // Someone else takes the lowest free address meanwhile: the instance's; the load balancer's stays free.
    const other = await client.post('/projects', { name: 'other' }).expect(201);
    await client.post(`/projects/${other.body.id}/compute/activate`).expect(200);
    const taken = (await client.post(`/projects/${other.body.id}/floating-ips`, {}).expect(201)).body.address as string;

    const imported = (await upload(JSON.stringify(doc)).expect(201)).body;
    expect(imported.created).toMatchObject({ instances: 3, images: 1, loadBalancers: 1, floatingIps: 2, volumeSnapshots: 1 });
    expect(imported.skipped).toEqual([]);
    for (let i = 0; i < 20; i++) engine.advance(1_000);

    const [newImage] = (await list('images')).filter((i) => i.visibility === 'private');
    expect(newImage).toMatchObject({ name: 'web-image', status: 'active' });
    const instances = await list('instances');
    expect(instances.filter((i) => i.imageId === newImage!.id).map((i) => i.name).sort()).toEqual(['lb-web-1', 'lb-web-2']);
    const snapshots = await list('volume-snapshots');
    expect(snapshots).toEqual([expect.objectContaining({ name: 'before', status: 'available' })]);
    // The image's captured disk came too: a new instance launched from it has the file.
    const [fresh] = (await client.post(`${base}/instances`, api.instanceRequest({ name: 'fresh', imageId: newImage!.id })).expect(201)).body.items as { id: string }[];
    engine.advance(5_000);
    expect((await sh(fresh!.id, 'cat /root/index.html')).stdout).toBe('from-image\n');
    const [restored] = await list('load-balancers');
    expect(restored).toMatchObject({ name: 'web-lb', provisioningStatus: 'ACTIVE' });
    const fips = await list('floating-ips');
    expect(fips.map((f) => f.address)).toContain(lbIp.address);
    expect(fips.find((f) => f.address === lbIp.address)).toMatchObject({ fixedIp: restored!.vipAddress });
    expect(fips.map((f) => f.address)).not.toContain(taken);
  });

  it('an instance exported SHUTOFF comes back SHUTOFF, with its volume attached and its floating IP', async () => {
    const { client, base, engine, reset, upload, list } = await preparedProject();
    const [before] = await list('instances');
    await client.post(`${base}/instances/${before!.id as string}/actions`, { action: 'stop' }).expect(202);
    engine.advance(3_000);
    const doc = (await client.get(`${base}/state`).expect(200)).body;
    await reset();
    expect((await upload(JSON.stringify(doc)).expect(201)).body.pendingLinks).toBe(3);
    for (let i = 0; i < 20; i++) engine.advance(1_000);
    const [web] = await list('instances');
    expect(web).toMatchObject({ status: 'SHUTOFF', taskState: null });
    expect(await list('volumes')).toEqual([expect.objectContaining({ status: 'in-use' })]);
    expect(await list('floating-ips')).toEqual([expect.objectContaining({ fixedIp: web!.privateIp })]);
  });

  it('refuses a newer version, a wrong format, a damaged file and a project that is not empty, changing nothing', async () => {
    const { client, base, upload, reset, list } = await preparedProject();
    const doc = (await client.get(`${base}/state`).expect(200)).body;

    const notEmpty = await upload(JSON.stringify(doc)).expect(409);
    expect(notEmpty.body.error.message).toBe('A state is imported into an empty project: reset the project first');

    await reset();
    const newer = await upload(JSON.stringify({ ...doc, version: 2 })).expect(400);
    expect(newer.body.error).toEqual({ code: 'INVALID_INPUT', field: 'state', message: 'The state file is version 2, written by a newer Sandcloud; this one reads version 1 at most', messageCode: 'state.versionTooNew', params: { version: 2, max: 1 } });
    const foreign = await upload(JSON.stringify({ ...doc, format: 'localstack' })).expect(400);
    expect(foreign.body.error.message).toBe('The file is not a Sandcloud state (format "localstack", expected "sandcloud-state")');
    const text = JSON.stringify(doc);
    const truncated = await upload(text.slice(0, text.length / 2)).expect(400);
    expect(truncated.body.error.message).toBe('The file is not a Sandcloud state: it is not valid JSON (damaged or truncated?)');
    // A record the services refuse half-way (after the key pair was imported) rolls everything back.
    const badInstance = { ...doc, resources: doc.resources.map((r: { kind: string }) => (r.kind === 'instance' ? { ...r, flavorId: 'no-such-flavor' } : r)) };
    const refused = await upload(JSON.stringify(badInstance)).expect(400);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_INPUT', message: 'No flavor no-such-flavor' });
    expect(await list('key-pairs')).toEqual([]);
    expect(await list('instances')).toEqual([]);
    expect(await list('volumes')).toEqual([]);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareComputeProject } from '../test-support/compute-project.ts';
import { activatedProject, createTestApi, login, type Client } from '../test-support/test-api.ts';

/** A project with a key pair, ready to create instances and volumes in. */
async function prepareProject(client: Client, projectId: string) {
  const project = await prepareComputeProject(client, projectId);
  const createInstance = async (name: string, overrides: object = {}) => (await project.createInstances({ name, ...overrides }))[0];
  const createVolume = async (name: string, overrides: object = {}) =>
    (await client.post(`${project.base}/volumes`, { name, sizeGb: 10, volumeType: 'HDD', zone: 'kr-pub-a', ...overrides }).expect(201)).body as {
      id: string;
      name: string;
    };
  return { base: project.base, createInstance, createVolume };
}

async function setup() {
  const api = createTestApi();
  const client = await login(api.app);
  const projectId = await activatedProject(client);
  const project = await prepareProject(client, projectId);
  /** Instance `web` and volume `data` (with the overrides), built and then attached as /dev/vdb. */
  const attachedVolume = async (volumeOverrides: object = {}) => {
    const web = await project.createInstance('web');
    const data = await project.createVolume('data', volumeOverrides);
    api.engine.advance(5_000);
    await client.post(`${project.base}/volumes/${data.id}/attach`, { instanceId: web.id }).expect(202);
    api.engine.advance(2_000);
    return { web, data };
  };
  return { ...api, client, projectId, ...project, attachedVolume };
}

const volumeOf = async (client: Client, base: string, id: string) => (await client.get(`${base}/volumes/${id}`).expect(200)).body;

describe('block storage', () => {
  it('creates over simulated time and lists name, size, type, zone, status and attachment', async () => {
    const { client, base, engine } = await setup();
    const created = (await client.post(`${base}/volumes`, { name: 'data', description: 'for /root/external', sizeGb: 10, volumeType: 'SSD', zone: 'kr-pub-b' }).expect(201)).body;
    expect(created).toMatchObject({ name: 'data', description: 'for /root/external', status: 'creating', sizeGb: 10, volumeType: 'SSD', zone: 'kr-pub-b', attachment: null });
    engine.advance(2_999);
    expect((await volumeOf(client, base, created.id)).status).toBe('creating');
    engine.advance(1);
    const list = (await client.get(`${base}/volumes`).expect(200)).body;
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: created.id, status: 'available', allowedActions: ['attach', 'extend', 'snapshot', 'delete'] });
    const defaults = (await client.post(`${base}/volumes`, { name: 'plain', sizeGb: 20 }).expect(201)).body;
    expect(defaults).toMatchObject({ volumeType: 'HDD', zone: 'kr-pub-a', description: '' });
  });

  it('validates size 10–1000 in whole GB, type, zone and name, beside the field', async () => {
    const { client, base } = await setup();
    const cases: [object, string, RegExp][] = [
      [{ sizeGb: 9 }, 'sizeGb', /at least 10 GB/],
      [{ sizeGb: 1001 }, 'sizeGb', /at most 1000 GB/],
      [{ sizeGb: 10.5 }, 'sizeGb', /whole GB/],
      [{ sizeGb: '10' }, 'sizeGb', /GB/],
      [{ volumeType: 'NVMe' }, 'volumeType', /HDD or SSD/],
      [{ zone: 'kr-pub-z' }, 'zone', /kr-pub-a/],
      [{ name: '' }, 'name', /name/i],
      [{ name: 'bad name!' }, 'name', /letters/],
      [{ snapshotId: 'nope' }, 'snapshotId', /No snapshot/],
      [{ extra: 1 }, 'extra', /Unknown field/],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await client.post(`${base}/volumes`, { name: 'data', sizeGb: 10, ...overrides }).expect(400);
      expect(response.body.error.field, JSON.stringify(overrides)).toBe(field);
      expect(response.body.error.message).toMatch(message);
    }
  });

  it('counts volumes and total GB against the quota, extends included', async () => {
    const { client, base, createVolume, engine } = await setup();
    const big = await createVolume('big', { sizeGb: 950 });
    const tooMuch = await client.post(`${base}/volumes`, { name: 'more', sizeGb: 60 }).expect(409);
    expect(tooMuch.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', field: 'sizeGb' });
    expect(tooMuch.body.error.message).toMatch(/only 50 of 1000/);
    engine.advance(3_000);
    await client.post(`${base}/volumes/${big.id}/extend`, { sizeGb: 1000 }).expect(202);
    // The extend in flight already holds its GB.
    await client.post(`${base}/volumes`, { name: 'more', sizeGb: 10 }).expect(409);
    engine.advance(3_000);
    await client.delete(`${base}/volumes/${big.id}`).expect(202);
    engine.advance(2_000);
    for (let n = 0; n < 10; n++) await createVolume(`v${n}`);
    const count = await client.post(`${base}/volumes`, { name: 'v10', sizeGb: 10 }).expect(409);
    expect(count.body.error.message).toMatch(/volumes/);
    const quotas = (await client.get(`${base}/quotas`)).body;
    expect(quotas.volumes).toEqual({ limit: 10, used: 10 });
    expect(quotas.volumeGb).toEqual({ limit: 1000, used: 100 });
  });

  it('attaches as /dev/vdb, /dev/vdc…, shows the attachment, detaches, and reuses the freed letter', async () => {
    const { client, base, engine, createInstance, createVolume } = await setup();
    const web = await createInstance('web');
    const [a, b, c] = [await createVolume('a'), await createVolume('b'), await createVolume('c')];
    engine.advance(5_000);

    const attaching = (await client.post(`${base}/volumes/${a.id}/attach`, { instanceId: web.id }).expect(202)).body;
    expect(attaching).toMatchObject({ status: 'attaching', attachment: { instanceId: web.id, instanceName: 'web', device: '/dev/vdb', attachedAt: null } });
    await client.post(`${base}/volumes/${b.id}/attach`, { instanceId: web.id }).expect(202);
    engine.advance(2_000);
    const inUse = await volumeOf(client, base, a.id);
    expect(inUse).toMatchObject({ status: 'in-use', attachment: { instanceName: 'web', device: '/dev/vdb' }, allowedActions: ['detach', 'extend', 'snapshot'] });
    expect(inUse.attachment.attachedAt).not.toBeNull();
    expect((await volumeOf(client, base, b.id)).attachment.device).toBe('/dev/vdc');

    const onInstance = (await client.get(`${base}/instances/${web.id}/volumes`).expect(200)).body.items;
    expect(onInstance.map((v: { name: string; attachment: { device: string } }) => [v.name, v.attachment.device])).toEqual([
      ['a', '/dev/vdb'],
      ['b', '/dev/vdc'],
    ]);
    // The facts the guest plugs disks in from.
    expect(engine.modules.volumes.attachmentOf(a.id)).toMatchObject({ instanceId: web.id, device: '/dev/vdb', sizeGb: 10 });
    expect(engine.modules.volumes.attachmentsOf(web.id).map((f) => f.device)).toEqual(['/dev/vdb', '/dev/vdc']);

    const detaching = (await client.post(`${base}/volumes/${a.id}/detach`, { instanceId: web.id }).expect(202)).body;
    expect(detaching.status).toBe('detaching');
    engine.advance(2_000);
    expect(await volumeOf(client, base, a.id)).toMatchObject({ status: 'available', attachment: null });
    expect(engine.modules.volumes.attachmentOf(a.id)).toBeNull();

    await client.post(`${base}/volumes/${c.id}/attach`, { instanceId: web.id }).expect(202);
    expect((await volumeOf(client, base, c.id)).attachment.device).toBe('/dev/vdb');
    const history = engine.queries.history(a.id).map((entry) => entry.status);
    expect(history).toEqual(['creating', 'available', 'attaching', 'in-use', 'detaching', 'available']);
  });

  it('refuses with 409: a second attachment, delete while attached, other zones, busy or deleted instances', async () => {
    const { client, base, engine, createInstance, createVolume } = await setup();
    const web = await createInstance('web');
    const other = await createInstance('other');
    const far = await createInstance('far', { zone: 'kr-pub-b' });
    const data = await createVolume('data');
    const early = await client.post(`${base}/volumes/${data.id}/attach`, { instanceId: web.id }).expect(409);
    expect(early.body.error.message).toBe('Cannot attach volume data while it is creating');
    engine.advance(3_000);

    const building = await createInstance('building');
    const notReady = await client.post(`${base}/volumes/${data.id}/attach`, { instanceId: building.id }).expect(409);
    expect(notReady.body.error).toMatchObject({ code: 'CONFLICT', field: 'instanceId' });
    expect(notReady.body.error.message).toMatch(/building while it is BUILD/);
    engine.advance(5_000);

    const zone = await client.post(`${base}/volumes/${data.id}/attach`, { instanceId: far.id }).expect(409);
    expect(zone.body.error.message).toMatch(/kr-pub-a but instance far is in kr-pub-b/);

    await client.post(`${base}/volumes/${data.id}/attach`, { instanceId: web.id }).expect(202);
    const again = await client.post(`${base}/volumes/${data.id}/attach`, { instanceId: other.id }).expect(409);
    expect(again.body.error.message).toMatch(/already attached to web as \/dev\/vdb/);
    engine.advance(2_000);
    await client.post(`${base}/volumes/${data.id}/attach`, { instanceId: other.id }).expect(409);
    await client.post(`${base}/volumes/${data.id}/attach`, { instanceId: web.id }).expect(409);

    const busy = await client.delete(`${base}/volumes/${data.id}`).expect(409);
    expect(busy.body.error.message).toMatch(/attached to web as \/dev\/vdb; detach it before deleting/);
    const wrongInstance = await client.post(`${base}/volumes/${data.id}/detach`, { instanceId: other.id }).expect(409);
    expect(wrongInstance.body.error.message).toMatch(/attached to web, not to that instance/);

    const spare = await createVolume('spare');
    engine.advance(3_000);
    const notAttached = await client.post(`${base}/volumes/${spare.id}/detach`).expect(409);
    expect(notAttached.body.error.message).toMatch(/not attached/);

    await client.delete(`${base}/instances/${other.id}`).expect(202);
    const deleting = await client.post(`${base}/volumes/${spare.id}/attach`, { instanceId: other.id }).expect(409);
    expect(deleting.body.error.message).toMatch(/other is being deleted/);
    engine.advance(2_000);
    const deleted = await client.post(`${base}/volumes/${spare.id}/attach`, { instanceId: other.id }).expect(409);
    expect(deleted.body.error.message).toMatch(/has been deleted/);
    const unknown = await client.post(`${base}/volumes/${spare.id}/attach`, { instanceId: 'nope' }).expect(400);
    expect(unknown.body.error.field).toBe('instanceId');
    await client.post(`${base}/volumes/nope/attach`, { instanceId: web.id }).expect(404);
  });

  it('two concurrent attaches of one volume: exactly one wins', async () => {
    const { client, base, engine, createInstance, createVolume } = await setup();
    const a = await createInstance('a');
    const b = await createInstance('b');
    const data = await createVolume('data');
    engine.advance(5_000);
    const responses = await Promise.all([
      client.post(`${base}/volumes/${data.id}/attach`, { instanceId: a.id }),
      client.post(`${base}/volumes/${data.id}/attach`, { instanceId: b.id }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([202, 409]);
    const winner = responses.find((r) => r.status === 202)!.body.attachment.instanceId;
    engine.advance(2_000);
    expect((await volumeOf(client, base, data.id)).attachment).toMatchObject({ instanceId: winner, device: '/dev/vdb' });
  });

  it('grows but never shrinks', async () => {
    const { client, base, engine, createVolume } = await setup();
    const data = await createVolume('data', { sizeGb: 20 });
    engine.advance(3_000);
    const shrink = await client.post(`${base}/volumes/${data.id}/extend`, { sizeGb: 10 }).expect(409);
    expect(shrink.body.error).toMatchObject({ field: 'sizeGb', message: 'Volume data is 20 GB and can only grow; choose more than 20 GB' });
    await client.post(`${base}/volumes/${data.id}/extend`, { sizeGb: 20 }).expect(409);
    await client.post(`${base}/volumes/${data.id}/extend`, { sizeGb: 2000 }).expect(400);
    const extending = (await client.post(`${base}/volumes/${data.id}/extend`, { sizeGb: 50 }).expect(202)).body;
    expect(extending).toMatchObject({ status: 'extending', sizeGb: 20, targetSizeGb: 50 });
    await client.post(`${base}/volumes/${data.id}/extend`, { sizeGb: 60 }).expect(409);
    engine.advance(3_000);
    expect(await volumeOf(client, base, data.id)).toMatchObject({ status: 'available', sizeGb: 50, targetSizeGb: null });
  });

  it('an attached volume extends and stays in use', async () => {
    const { client, base, engine, attachedVolume } = await setup();
    const { data } = await attachedVolume();
    await client.post(`${base}/volumes/${data.id}/extend`, { sizeGb: 30 }).expect(202);
    engine.advance(3_000);
    expect(await volumeOf(client, base, data.id)).toMatchObject({ status: 'in-use', sizeGb: 30, attachment: { device: '/dev/vdb' } });
  });

  it('deleting an instance detaches its volumes; deleting a volume removes it', async () => {
    const { client, base, engine, attachedVolume } = await setup();
    const { web, data } = await attachedVolume();
    await client.delete(`${base}/instances/${web.id}`).expect(202);
    engine.advance(2_000);
    expect(await volumeOf(client, base, data.id)).toMatchObject({ status: 'available', attachment: null });
    const deleting = (await client.delete(`${base}/volumes/${data.id}`).expect(202)).body;
    expect(deleting.status).toBe('deleting');
    await client.post(`${base}/volumes/${data.id}/attach`, { instanceId: web.id }).expect(409);
    engine.advance(2_000);
    await client.get(`${base}/volumes/${data.id}`).expect(404);
    expect((await client.get(`${base}/quotas`)).body.volumes.used).toBe(0);
  });

  it('lists the instances the connect dialog offers, with why each cannot take the volume', async () => {
    const { client, base, engine, createInstance, createVolume } = await setup();
    const web = await createInstance('web');
    const far = await createInstance('far', { zone: 'kr-pub-b' });
    const data = await createVolume('data');
    engine.advance(3_000);
    const building = (await client.get(`${base}/volumes/${data.id}/attachable-instances`).expect(200)).body.items;
    expect(building.map((i: { name: string; problem: string | null }) => [i.name, i.problem]).sort()).toEqual([
      ['far', 'OTHER_ZONE'],
      ['web', 'INSTANCE_STATE'],
    ]);
    engine.advance(2_000);
    const ready = (await client.get(`${base}/volumes/${data.id}/attachable-instances`).expect(200)).body.items;
    expect(ready.find((i: { id: string }) => i.id === web.id).problem).toBeNull();
    expect(ready.find((i: { id: string }) => i.id === far.id).problem).toBe('OTHER_ZONE');
  });

  it('renames and describes a volume', async () => {
    const { client, base, createVolume } = await setup();
    const data = await createVolume('data');
    const renamed = (await client.patch(`${base}/volumes/${data.id}`, { name: 'logs', description: 'app logs' }).expect(200)).body;
    expect(renamed).toMatchObject({ name: 'logs', description: 'app logs' });
    await client.patch(`${base}/volumes/${data.id}`, { name: 'no good!' }).expect(400);
  });

  it('attach and detach complete across a restart of the BFF', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'sandcloud-volumes-')), 'sandcloud.db');
    const first = createTestApi({ databasePath });
    const client = await login(first.app);
    const projectId = await activatedProject(client);
    const { base, createInstance, createVolume } = await prepareProject(client, projectId);
    const web = await createInstance('web');
    const data = await createVolume('data');
    first.engine.advance(5_000);
    await client.post(`${base}/volumes/${data.id}/attach`, { instanceId: web.id }).expect(202);
    first.engine.close();

    // A new process on the same database: the attach in flight resumes and completes.
    const second = createTestApi({ databasePath });
    const again = await login(second.app);
    expect((await volumeOf(again, base, data.id)).status).toBe('attaching');
    second.engine.advance(10_000);
    expect(await volumeOf(again, base, data.id)).toMatchObject({ status: 'in-use', attachment: { instanceName: 'web', device: '/dev/vdb' } });
    await again.post(`${base}/volumes/${data.id}/detach`).expect(202);
    second.engine.close();

    // Each test engine's manual clock starts at the same instant, so the step is due later on this one.
    const third = createTestApi({ databasePath });
    const last = await login(third.app);
    expect((await volumeOf(last, base, data.id)).status).toBe('detaching');
    third.engine.advance(20_000);
    expect(await volumeOf(last, base, data.id)).toMatchObject({ status: 'available', attachment: null });
    third.engine.close();
  });

  it('a viewer can read volumes but not change them', async () => {
    const { client, base, app, projectId, createVolume } = await setup();
    const data = await createVolume('data');
    await client.post('/users', { username: 'watcher', password: 'watcher-pass' }).expect(201);
    await client.put(`/projects/${projectId}/members`, { username: 'watcher', role: 'viewer' }).expect(200);
    const viewer = await login(app, 'watcher', 'watcher-pass');
    await viewer.get(`${base}/volumes`).expect(200);
    await viewer.post(`${base}/volumes`, { name: 'x', sizeGb: 10 }).expect(403);
    await viewer.delete(`${base}/volumes/${data.id}`).expect(403);
  });
});

describe('volume snapshots', () => {
  it('snapshot a volume, create a volume from it (size ≥ the snapshot’s), delete', async () => {
    const { client, base, engine, projectId, attachedVolume } = await setup();
    const { data } = await attachedVolume({ sizeGb: 20, volumeType: 'SSD' });
    // What the guest wrote on the volume travels with its snapshots.
    engine.modules.volumes.saveContent(data.id, { files: ['hello.txt'] });

    const snapshot = (await client.post(`${base}/volume-snapshots`, { volumeId: data.id, name: 'data-snap', description: 'before upgrade' }).expect(201)).body;
    expect(snapshot).toMatchObject({ name: 'data-snap', status: 'creating', volumeId: data.id, volumeName: 'data', sizeGb: 20, volumeType: 'SSD', zone: 'kr-pub-a' });
    const notYet = await client.post(`${base}/volumes`, { name: 'copy', sizeGb: 20, snapshotId: snapshot.id }).expect(409);
    expect(notYet.body.error.message).toMatch(/creating; wait until it is available/);
    engine.advance(3_000);
    const listed = (await client.get(`${base}/volume-snapshots`).expect(200)).body;
    expect(listed.items).toEqual([expect.objectContaining({ id: snapshot.id, status: 'available' })]);
    expect((await volumeOf(client, base, data.id)).snapshotCount).toBe(1);

    const small = await client.post(`${base}/volumes`, { name: 'copy', sizeGb: 10, snapshotId: snapshot.id }).expect(400);
    expect(small.body.error).toMatchObject({ field: 'sizeGb', message: 'A volume from snapshot data-snap needs at least 20 GB' });
    const otherZone = await client.post(`${base}/volumes`, { name: 'copy', sizeGb: 20, snapshotId: snapshot.id, zone: 'kr-pub-b' }).expect(400);
    expect(otherZone.body.error.field).toBe('zone');
    const copy = (await client.post(`${base}/volumes`, { name: 'copy', sizeGb: 30, snapshotId: snapshot.id }).expect(201)).body;
    expect(copy).toMatchObject({ sizeGb: 30, volumeType: 'SSD', zone: 'kr-pub-a', sourceSnapshotId: snapshot.id });
    expect(engine.modules.volumes.get(projectId, copy.id).content).toEqual({ files: ['hello.txt'] });

    await client.post(`${base}/volumes/${data.id}/detach`).expect(202);
    engine.advance(2_000);
    const withSnapshot = await client.delete(`${base}/volumes/${data.id}`).expect(409);
    expect(withSnapshot.body.error.message).toMatch(/has 1 snapshot/);
    expect((await client.delete(`${base}/volume-snapshots/${snapshot.id}`).expect(202)).body.status).toBe('deleting');
    engine.advance(2_000);
    await client.get(`${base}/volume-snapshots/${snapshot.id}`).expect(404);
    await client.delete(`${base}/volumes/${data.id}`).expect(202);
    await client.post(`${base}/volume-snapshots`, { volumeId: data.id, name: 'late' }).expect(409);
  });
});

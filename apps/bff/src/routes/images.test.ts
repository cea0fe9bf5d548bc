import { describe, expect, it } from 'vitest';
import { computeTestApi, IMAGES } from '../test-support/compute-project.ts';
import { activatedProject } from '../test-support/test-api.ts';

async function setup() {
  const api = await computeTestApi();
  /** The guide's instance, with a 30 GB root disk. */
  const launch = async (overrides: object = {}) => api.createInstances({ rootDiskGb: 30, ...overrides });
  /** An ACTIVE instance shut down: the guide's `[Instance Shutdown]` before `[Image 생성]`. */
  const shutOffInstance = async () => {
    const [instance] = await launch();
    api.engine.advance(5_000);
    await api.client.post(`${api.base}/instances/${instance.id}/actions`, { action: 'stop' }).expect(202);
    api.engine.advance(3_000);
    return instance;
  };
  return { ...api, launch, shutOffInstance };
}

describe('images', () => {
  it('lists public images in the Public tab; they cannot be deleted or changed', async () => {
    const { client, base } = await setup();
    const publicImages = (await client.get(`${base}/images?visibility=public`).expect(200)).body;
    expect(publicImages.total).toBe(6);
    expect(publicImages.items.every((i: { visibility: string; allowedActions: string[] }) => i.visibility === 'public' && i.allowedActions.length === 0)).toBe(true);
    expect((await client.get(`${base}/images?visibility=private`).expect(200)).body.total).toBe(0);
    await client.get(`${base}/images?visibility=shared`).expect(400);
    const refused = await client.delete(`${base}/images/${IMAGES.ubuntu}`).expect(409);
    expect(refused.body.error.message).toMatch(/public image and cannot be deleted/);
    await client.patch(`${base}/images/${IMAGES.ubuntu}`, { name: 'mine' }).expect(409);
    expect((await client.get(`${base}/images/${IMAGES.ubuntu}`).expect(200)).body.name).toBe('Ubuntu Server 22.04 LTS (2024.08)');
  });

  it('Image 생성 needs a SHUTOFF instance, and says to shut it down first', async () => {
    const { client, base, engine, launch } = await setup();
    const [instance] = await launch();
    const building = await client.post(`${base}/images`, { instanceId: instance.id, name: 'web-image' }).expect(409);
    expect(building.body.error.message).toBe('Shut instance web down first: an image is made from a SHUTOFF instance, and it is BUILD');
    engine.advance(5_000);
    const active = await client.post(`${base}/images`, { instanceId: instance.id, name: 'web-image' }).expect(409);
    expect(active.body.error).toMatchObject({ code: 'CONFLICT', field: 'instanceId' });
    expect(active.body.error.message).toMatch(/Shut instance web down first.*ACTIVE/);
    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'stop' }).expect(202);
    const stopping = await client.post(`${base}/images`, { instanceId: instance.id, name: 'web-image' }).expect(409);
    expect(stopping.body.error.message).toBe('Cannot create image instance web while it is powering-off');
    const unknown = await client.post(`${base}/images`, { instanceId: 'nope', name: 'web-image' }).expect(400);
    expect(unknown.body.error.field).toBe('instanceId');
    const unnamed = await client.post(`${base}/images`, { instanceId: instance.id, name: '  ' }).expect(400);
    expect(unnamed.body.error.field).toBe('name');
  });

  it('deleting an image while it is saved stops the capture and frees its instance', async () => {
    const { client, base, engine, shutOffInstance } = await setup();
    const instance = await shutOffInstance();
    const queued = (await client.post(`${base}/images`, { instanceId: instance.id, name: 'web-image' }).expect(202)).body;
    engine.advance(1_000);
    expect((await client.get(`${base}/images/${queued.id}`)).body.status).toBe('saving');
    await client.delete(`${base}/images/${queued.id}`).expect(204);
    await client.get(`${base}/images/${queued.id}`).expect(404);
    expect((await client.get(`${base}/instances/${instance.id}`)).body).toMatchObject({ status: 'SHUTOFF', taskState: null });
    engine.advance(4_000);
    await client.get(`${base}/images/${queued.id}`).expect(404);
    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'start' }).expect(202);
  });

  it('captures queued → saving → active with the instance in image_snapshot meanwhile', async () => {
    const { client, base, engine, shutOffInstance } = await setup();
    const instance = await shutOffInstance();
    const queued = (await client.post(`${base}/images`, { instanceId: instance.id, name: 'web-image', description: 'index.html inside' }).expect(202)).body;
    expect(queued).toMatchObject({ name: 'web-image', status: 'queued', visibility: 'private', minDiskGb: 30, sourceInstanceId: instance.id, sourceInstanceName: 'web', osDistro: 'ubuntu' });

    const busy = (await client.get(`${base}/instances/${instance.id}`)).body;
    expect(busy).toMatchObject({ status: 'SHUTOFF', taskState: 'image_snapshot', allowedActions: [] });
    const start = await client.post(`${base}/instances/${instance.id}/actions`, { action: 'start' }).expect(409);
    expect(start.body.error.message).toBe('Cannot start instance web while it is image_snapshot');
    await client.delete(`${base}/instances/${instance.id}`).expect(409);
    await client.post(`${base}/images`, { instanceId: instance.id, name: 'second' }).expect(409);

    engine.advance(1_000);
    expect((await client.get(`${base}/images/${queued.id}`)).body.status).toBe('saving');
    engine.advance(4_000);

    const active = (await client.get(`${base}/images/${queued.id}`)).body;
    expect(active).toMatchObject({ status: 'active', allowedActions: ['delete'] });
    // The base image plus what the instance wrote to its disk.
    const source = (await client.get(`${base}/images/${instance.imageId}`)).body;
    expect(active.sizeBytes).toBeGreaterThan(source.sizeBytes);
    const after = (await client.get(`${base}/instances/${instance.id}`)).body;
    expect(after.taskState).toBeNull();
    expect(after.allowedActions).toEqual(expect.arrayContaining(['start', 'create_image']));
    const privateTab = (await client.get(`${base}/images?visibility=private`)).body.items;
    expect(privateTab.map((i: { name: string }) => i.name)).toEqual(['web-image']);
    const publicTab = (await client.get(`${base}/images?visibility=public`)).body.items;
    expect(publicTab.some((i: { id: string }) => i.id === queued.id)).toBe(false);
    expect(engine.queries.history(queued.id).map((e) => e.status)).toEqual(['queued', 'saving', 'active']);
  });

  it('launches two instances from a private image, each starting with the captured files', async () => {
    const { client, base, engine, launch, projectId, instanceRequest } = await setup();
    const guests = engine.modules.guests;
    const [instance] = await launch();
    engine.advance(5_000);
    await guests.runCommand(projectId, instance.id, "echo 'hello world!' > index.html && sync");
    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'stop' }).expect(202);
    engine.advance(3_000);
    const image = (await client.post(`${base}/images`, { instanceId: instance.id, name: 'web-image' }).expect(202)).body;
    engine.advance(5_000);
    // The source changes later; the image keeps what it captured.
    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'start' }).expect(202);
    engine.advance(3_000);
    await guests.runCommand(projectId, instance.id, 'rm index.html && sync');

    const launched = await launch({ name: 'app', imageId: image.id, count: 2 });
    expect(launched.map((i) => i.name)).toEqual(['app-1', 'app-2']);
    expect(launched.every((i) => i.imageId === image.id)).toBe(true);
    engine.advance(5_000);
    for (const { id } of launched) expect((await guests.runCommand(projectId, id, 'cat index.html')).stdout).toBe('hello world!\n');
    const [fromPublic] = await launch({ name: 'plain' });
    engine.advance(5_000);
    expect((await guests.runCommand(projectId, fromPublic.id, 'cat index.html')).exitCode).not.toBe(0);
    const small = await client.post(`${base}/instances`, instanceRequest({ name: 'next', imageId: image.id, rootDiskGb: 20 })).expect(400);
    expect(small.body.error).toMatchObject({ field: 'rootDiskGb' });
  });

  it('a private image cannot be launched until it is active', async () => {
    const { client, base, shutOffInstance, instanceRequest } = await setup();
    const instance = await shutOffInstance();
    const image = (await client.post(`${base}/images`, { instanceId: instance.id, name: 'web-image' }).expect(202)).body;
    const refused = await client.post(`${base}/instances`, instanceRequest({ name: 'next', rootDiskGb: 30, imageId: image.id })).expect(409);
    expect(refused.body.error.message).toBe('Image web-image is queued; wait until it is active');
  });

  it('renames, describes and deletes a private image; other projects never see it', async () => {
    const { client, base, engine, shutOffInstance } = await setup();
    const instance = await shutOffInstance();
    const image = (await client.post(`${base}/images`, { instanceId: instance.id, name: 'web-image' }).expect(202)).body;
    engine.advance(5_000);
    const renamed = (await client.patch(`${base}/images/${image.id}`, { name: 'web server (v2)', description: 'hello world' }).expect(200)).body;
    expect(renamed).toMatchObject({ name: 'web server (v2)', description: 'hello world' });
    const blank = await client.patch(`${base}/images/${image.id}`, { name: '' }).expect(400);
    expect(blank.body.error.field).toBe('name');

    const otherProject = await activatedProject(client, 'other');
    await client.get(`/projects/${otherProject}/images/${image.id}`).expect(404);
    expect((await client.get(`/projects/${otherProject}/images?visibility=private`)).body.total).toBe(0);
    await client.delete(`/projects/${otherProject}/images/${image.id}`).expect(404);

    await client.delete(`${base}/images/${image.id}`).expect(204);
    await client.get(`${base}/images/${image.id}`).expect(404);
    expect((await client.get(`${base}/images?visibility=private`)).body.total).toBe(0);
    // The source instance is untouched.
    expect((await client.get(`${base}/instances/${instance.id}`)).body.status).toBe('SHUTOFF');
  });
});

import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { openstackTestApi } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

interface SnapshotEntry {
  path: string;
  content?: string;
}

/** The text of one file of a volume's content (a filesystem snapshot), or undefined. */
function fileOf(content: unknown, path: string): string | undefined {
  const entries = (content as { entries?: SnapshotEntry[] } | null)?.entries ?? [];
  const entry = entries.find((e) => e.path === path);
  return entry?.content;
}

async function volumeApi() {
  const api = await openstackTestApi();
  const v3 = `/volume/v3/${api.projectId}`;
  const action = (volumeId: string, body: object) => api.os.post(`${v3}/volumes/${volumeId}/action`, body);
  const newVolume = async (volume: object = {}) => {
    const created = (await api.os.post(`${v3}/volumes`, { volume: { size: 10, name: 'data', ...volume } }).expect(202)).body.volume as { id: string };
    api.engine.advance(3_000);
    return created.id;
  };
  return { ...api, v3, action, newVolume };
}

describe('Cinder volume from an image (imageRef)', () => {
  it("puts the image's root disk on the volume, marks it bootable and names the image", async () => {
    const { os, v3, engine, projectId, newVolume, client } = await volumeApi();
    const id = await newVolume({ imageRef: UBUNTU, size: 20 });
    const shown = (await os.get(`${v3}/volumes/${id}`)).body.volume;
    expect(shown).toMatchObject({ status: 'available', bootable: 'true', size: 20, volume_image_metadata: { image_id: UBUNTU } });
    const volume = engine.modules.volumes.get(projectId, id);
    expect(volume.sourceImageId).toBe(UBUNTU);
    // The image's guest disk: Ubuntu's root filesystem, as a server booted from the image starts with.
    expect(fileOf(volume.content, '/etc/os-release')).toMatch(/^NAME="Ubuntu"/m);
    expect((await os.get(`${v3}/volumes?bootable=true`)).body.volumes.map((v: { id: string }) => v.id)).toEqual([id]);
    // The console shows the source image.
    const listed = (await client.get(`/projects/${projectId}/volumes`).expect(200)).body.items;
    expect(listed).toMatchObject([{ id, sourceImage: { id: UBUNTU, name: 'Ubuntu Server 22.04 LTS (2024.08)' }, readOnly: false, bootOf: null }]);
  });

  it('refuses an unknown image (404), a size below the image\'s minimum disk, an image with a snapshot and a deactivated image (400)', async () => {
    const { os, v3, app, token } = await volumeApi();
    const unknown = await os.post(`${v3}/volumes`, { volume: { size: 10, imageRef: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.itemNotFound.message).toBe('Image 00000000-0000-4000-8000-000000000000 could not be found.');
    const small = await os.post(`${v3}/volumes`, { volume: { size: 10, imageRef: UBUNTU } });
    expect(small.status).toBe(400);
    expect(small.body.badRequest.message).toMatch(/^Invalid input received: Image Ubuntu.* needs a volume of at least 20 GB$/);
    const both = await os.post(`${v3}/volumes`, { volume: { size: 10, imageRef: UBUNTU, snapshot_id: '00000000-0000-4000-8000-000000000001' } });
    expect(both.status).toBe(400);
    // An uploaded image holds no guest disk: its volume starts blank; a deactivated one makes none.
    const uploaded = (await os.post('/image/v2/images', { name: 'bytes', container_format: 'bare', disk_format: 'raw' }).expect(201)).body.id as string;
    await request(app).put(`/image/v2/images/${uploaded}/file`).set('X-Auth-Token', token).set('Content-Type', 'application/octet-stream').send(Buffer.from('raw bytes')).expect(204);
    await os.post(`/image/v2/images/${uploaded}/actions/deactivate`).expect(204);
    const deactivated = await os.post(`${v3}/volumes`, { volume: { size: 10, imageRef: uploaded } });
    expect(deactivated.status).toBe(400);
    expect(deactivated.body.badRequest.message).toMatch(/deactivated/);
    expect((await os.get(`${v3}/volumes`)).body.volumes).toEqual([]);
    await os.post(`/image/v2/images/${uploaded}/actions/reactivate`).expect(204);
    await os.post(`${v3}/volumes`, { volume: { size: 10, imageRef: uploaded } }).expect(202);
    const fromBytes = (await os.get(`${v3}/volumes/detail`)).body.volumes;
    expect(fromBytes).toMatchObject([{ bootable: 'true', volume_image_metadata: { image_id: uploaded } }]);
    await os.delete(`/image/v2/images/${uploaded}`).expect(204);
  });
});

describe('Cinder os-reserve / os-unreserve', () => {
  it('holds an available volume as attaching and releases it; a second reserve is a 400', async () => {
    const { v3, os, action, newVolume } = await volumeApi();
    const id = await newVolume();
    await action(id, { 'os-reserve': {} }).expect(202);
    expect((await os.get(`${v3}/volumes/${id}`)).body.volume).toMatchObject({ status: 'attaching', attachments: [] });
    const again = await action(id, { 'os-reserve': {} });
    expect(again.status).toBe(400);
    expect(again.body.badRequest.message).toBe('Invalid volume: Volume status must be available to reserve, but the status is attaching.');
    // A reserved volume is not deleted.
    expect((await os.delete(`${v3}/volumes/${id}`)).status).toBe(400);
    await action(id, { 'os-unreserve': {} }).expect(202);
    expect((await os.get(`${v3}/volumes/${id}`)).body.volume.status).toBe('available');
    await action(id, { 'os-reserve': { unknown: 1 } }).expect(400);
  });
});

describe('Cinder os-update_readonly_flag', () => {
  it('records the flag in the metadata as Cinder does, and attaches a read-only volume in ro mode', async () => {
    const { v3, os, action, newVolume, engine } = await volumeApi();
    const id = await newVolume();
    for (const readonly of [true, false, 'True']) {
      await action(id, { 'os-update_readonly_flag': { readonly } }).expect(202);
      expect((await os.get(`${v3}/volumes/${id}`)).body.volume.metadata.readonly).toBe(String(readonly === true || readonly === 'True' ? 'True' : 'False'));
    }
    await action(id, { 'os-update_readonly_flag': { readonly: 'sometimes' } }).expect(400);

    await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
    const serverId = (await os.post('/compute/v2.1/servers', { server: { name: 'web', imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'k' } }).expect(202)).body.server.id as string;
    engine.advance(10_000);
    await os.post(`/compute/v2.1/servers/${serverId}/os-volume_attachments`, { volumeAttachment: { volumeId: id } }).expect(200);
    engine.advance(3_000);
    const attached = (await os.get(`${v3}/volumes/${id}`)).body.volume;
    expect(attached).toMatchObject({ status: 'in-use', metadata: { readonly: 'True', attached_mode: 'ro' } });
    // Cinder changes the flag only on an available volume.
    const inUse = await action(id, { 'os-update_readonly_flag': { readonly: false } });
    expect(inUse.status).toBe(400);
    expect(inUse.body.badRequest.message).toMatch(/read-only flag changes only while it is available/);
  });
});

describe('Cinder os-volume_upload_image', () => {
  it("makes a bootable image of the volume's content (uploading → available), one a server boots from", async () => {
    const { v3, os, action, newVolume, engine, projectId } = await volumeApi();
    const id = await newVolume({ imageRef: UBUNTU, size: 20 });
    const uploaded = await action(id, { 'os-volume_upload_image': { image_name: 'from-volume', disk_format: 'raw', force: false } });
    expect(uploaded.status).toBe(202);
    const imageId = uploaded.body['os-volume_upload_image'].image_id as string;
    expect(uploaded.body['os-volume_upload_image']).toMatchObject({ id, status: 'uploading', image_name: 'from-volume', disk_format: 'raw' });
    expect((await os.get(`${v3}/volumes/${id}`)).body.volume.status).toBe('uploading');
    engine.advance(10_000);
    expect((await os.get(`${v3}/volumes/${id}`)).body.volume.status).toBe('available');
    const image = (await os.get(`/image/v2/images/${imageId}`)).body;
    expect(image).toMatchObject({ name: 'from-volume', status: 'active', disk_format: 'raw', visibility: 'private', min_disk: 20 });
    expect(engine.modules.images.get(projectId, imageId).rootDiskSnapshot).toEqual(engine.modules.volumes.get(projectId, id).content);

    // The image boots: the guest starts from the volume's root filesystem.
    await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
    const serverId = (await os.post('/compute/v2.1/servers', { server: { name: 'again', imageRef: imageId, flavorRef: 'm2.c1m2', key_name: 'k' } }).expect(202)).body.server.id as string;
    engine.advance(10_000);
    const release = await engine.modules.guests.runCommand(projectId, serverId, 'cat /etc/os-release');
    expect(release.stdout).toMatch(/^NAME="Ubuntu"/m);
  });

  it('refuses an in-use volume without force, a bad disk format and an empty name (400), and changes nothing', async () => {
    const { v3, os, action, newVolume, engine, projectId } = await volumeApi();
    const id = await newVolume();
    await action(id, { 'os-volume_upload_image': { image_name: '', disk_format: 'raw' } }).expect(400);
    await action(id, { 'os-volume_upload_image': { image_name: 'x', disk_format: 'floppy' } }).expect(400);
    await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
    const serverId = (await os.post('/compute/v2.1/servers', { server: { name: 'web', imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'k' } }).expect(202)).body.server.id as string;
    engine.advance(10_000);
    await os.post(`/compute/v2.1/servers/${serverId}/os-volume_attachments`, { volumeAttachment: { volumeId: id } }).expect(200);
    engine.advance(3_000);
    const refused = await action(id, { 'os-volume_upload_image': { image_name: 'x' } });
    expect(refused.status).toBe(400);
    expect(refused.body.badRequest.message).toBe(`Invalid volume: Volume ${id} status must be available or in-use (with force), but current status is: in-use.`);
    expect(engine.modules.images.list(projectId, 'private')).toEqual([]);
    const forced = await action(id, { 'os-volume_upload_image': { image_name: 'x', force: true } });
    expect(forced.status).toBe(202);
    engine.advance(10_000);
    expect((await os.get(`${v3}/volumes/${id}`)).body.volume.status).toBe('in-use');
  });
});

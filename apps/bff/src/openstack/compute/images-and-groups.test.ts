import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSchema, issueToken, openstackTestApi, tempestSchemas } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

let schemas: ReturnType<typeof tempestSchemas>;
beforeAll(() => {
  schemas = tempestSchemas({
    getImage: 'images.get_image',
    listImages: 'images.list_images',
    listImagesDetail: 'images.list_images_details',
    deleteImage: 'images.delete',
    imageMetadata: 'images.image_metadata',
    imageMetaItem: 'images.image_meta_item',
    createGroup: 'server_groups.create_show_server_group',
    listGroups: 'server_groups.list_server_groups',
    deleteGroup: 'server_groups.delete_server_group',
  });
}, 30_000);

async function withActiveServer() {
  const api = await openstackTestApi();
  const create = (server: object = {}, extra: object = {}) => api.os.post('/compute/v2.1/servers', { server: { name: 'web', imageRef: UBUNTU, flavorRef: 'm2.c1m2', ...server }, ...extra });
  const serverId = (await create().expect(202)).body.server.id as string;
  api.engine.advance(5_000);
  return { ...api, create, serverId };
}

describe("Nova's image proxy (/compute/v2.1/images)", () => {
  it('shows a snapshot of a running server SAVING then ACTIVE, filtered by server, type, name and status', async () => {
    const { os, engine, serverId } = await withActiveServer();
    const captured = await os.post(`/compute/v2.1/servers/${serverId}/action`, { createImage: { name: 'snap', metadata: { purpose: 'backup' } } }).expect(202);
    const imageId = String(captured.headers.location).split('/').pop()!;
    const saving = await os.get(`/compute/v2.1/images/${imageId}`);
    expectSchema(schemas.getImage!, saving);
    expect(saving.body.image).toMatchObject({ id: imageId, name: 'snap', status: 'SAVING', progress: 25, server: { id: serverId }, metadata: { instance_uuid: serverId, image_type: 'snapshot', purpose: 'backup' } });
    engine.advance(5_000);
    const active = await os.get(`/compute/v2.1/images/${imageId}`);
    expect(active.body.image).toMatchObject({ status: 'ACTIVE', progress: 100, minDisk: 20 });

    const list = await os.get('/compute/v2.1/images');
    expectSchema(schemas.listImages!, list);
    expect(list.body.images).toHaveLength(7);
    const detail = await os.get(`/compute/v2.1/images/detail?server=${serverId}`);
    expectSchema(schemas.listImagesDetail!, detail);
    expect(detail.body.images.map((i: { id: string }) => i.id)).toEqual([imageId]);
    const byRef = await os.get(`/compute/v2.1/images?server=${encodeURIComponent(`http://x/compute/v2.1/servers/${serverId}`)}`);
    expect(byRef.body.images.map((i: { id: string }) => i.id)).toEqual([imageId]);
    expect((await os.get('/compute/v2.1/images?type=snapshot')).body.images.map((i: { id: string }) => i.id)).toEqual([imageId]);
    expect((await os.get('/compute/v2.1/images?name=snap&status=ACTIVE')).body.images.map((i: { id: string }) => i.id)).toEqual([imageId]);
    expect((await os.get('/compute/v2.1/images?status=SAVING')).body.images).toEqual([]);
    expect((await os.get('/compute/v2.1/images?limit=2')).body.images).toHaveLength(2);
    await os.get('/compute/v2.1/images?changes-since=yesterday').expect(400);

    const deleted = await os.delete(`/compute/v2.1/images/${imageId}`);
    expectSchema(schemas.deleteImage!, deleted);
    expect((await os.get(`/compute/v2.1/images/${imageId}`).expect(404)).body.itemNotFound.message).toBe('Image not found.');
    await os.delete(`/compute/v2.1/images/${UBUNTU}`).expect(403);
  });

  it('deletes a snapshot still being saved: the server leaves its image_snapshot task', async () => {
    const { os, serverId } = await withActiveServer();
    const captured = await os.post(`/compute/v2.1/servers/${serverId}/action`, { createImage: { name: 'snap' } }).expect(202);
    const imageId = String(captured.headers.location).split('/').pop()!;
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server['OS-EXT-STS:task_state']).toBe('image_snapshot');
    await os.delete(`/compute/v2.1/images/${imageId}`).expect(204);
    await os.get(`/compute/v2.1/images/${imageId}`).expect(404);
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server).toMatchObject({ status: 'ACTIVE', 'OS-EXT-STS:task_state': null });
  });

  it("refuses a createImage with bad metadata (400) and keeps an uploaded image's metadata in Glance's properties", async () => {
    const { os, serverId } = await withActiveServer();
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { createImage: { name: 'snap', metadata: { '': '' } } }).expect(400);
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { createImage: { name: 'snap', metadata: { ['a'.repeat(256)]: 'b' } } }).expect(400);
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server['OS-EXT-STS:task_state']).toBeNull();

    const image = (await os.post('/image/v2/images', { name: 'raw', disk_format: 'raw', container_format: 'bare' }).expect(201)).body;
    const path = `/compute/v2.1/images/${image.id}/metadata`;
    expectSchema(schemas.imageMetadata!, await os.put(path, { metadata: { os_version: 'value1', os_distro: 'value2' } }));
    expect((await os.get(path)).body).toEqual({ metadata: { os_version: 'value1', os_distro: 'value2' } });
    expect((await os.post(path, { metadata: { os_version: 'alt1', architecture: 'x86' } })).body.metadata).toEqual({ os_version: 'alt1', os_distro: 'value2', architecture: 'x86' });
    const item = await os.get(`${path}/os_distro`);
    expectSchema(schemas.imageMetaItem!, item);
    expect(item.body).toEqual({ meta: { os_distro: 'value2' } });
    await os.put(`${path}/os_version`, { meta: { os_version: 'alt' } }).expect(200);
    await os.put(`${path}/os_version`, { meta: { other: 'x' } }).expect(400);
    await os.delete(`${path}/architecture`).expect(204);
    await os.delete(`${path}/architecture`).expect(404);
    expect((await os.get(path)).body.metadata).toEqual({ os_version: 'alt', os_distro: 'value2' });
    expect((await os.get(`/image/v2/images/${image.id}`)).body).toMatchObject({ os_version: 'alt', os_distro: 'value2' });
    await os.put(`/compute/v2.1/images/${UBUNTU}/metadata`, { metadata: { a: 'b' } }).expect(403);
  });
});

describe('Nova server groups (os-server-groups)', () => {
  it('creates, lists, shows and deletes groups; servers launched with the group hint are its members', async () => {
    const { os, engine, create } = await withActiveServer();
    const created = await os.post('/compute/v2.1/os-server-groups', { server_group: { name: 'web', policies: ['anti-affinity'] } });
    expectSchema(schemas.createGroup!, created);
    const group = created.body.server_group;
    expect(group).toMatchObject({ name: 'web', policies: ['anti-affinity'], members: [], metadata: {} });
    const twin = (await os.post('/compute/v2.1/os-server-groups', { server_group: { name: 'web', policies: ['anti-affinity'] } }).expect(200)).body.server_group;
    expect(twin.id).not.toBe(group.id);

    const server = (await create({ name: 'member' }, { 'os:scheduler_hints': { group: group.id } }).expect(202)).body.server;
    const shown = await os.get(`/compute/v2.1/os-server-groups/${group.id}`);
    expectSchema(schemas.createGroup!, shown);
    expect(shown.body.server_group.members).toEqual([server.id]);
    const listed = await os.get('/compute/v2.1/os-server-groups');
    expectSchema(schemas.listGroups!, listed);
    expect(listed.body.server_groups.map((g: { id: string }) => g.id).sort()).toEqual([group.id, twin.id].sort());

    await create({ name: 'lost' }, { 'os:scheduler_hints': { group: 'nope' } }).expect(400);
    await os.post('/compute/v2.1/os-server-groups', { server_group: { name: 'bad', policies: ['spread'] } }).expect(400);
    await os.post('/compute/v2.1/os-server-groups', { server_group: { name: 'two', policies: ['affinity', 'anti-affinity'] } }).expect(400);
    await os.post('/compute/v2.1/os-server-groups', { server_group: { name: '', policies: ['affinity'] } }).expect(400);

    // A deleted server leaves the group; a deleted group is gone.
    engine.advance(5_000);
    await os.delete(`/compute/v2.1/servers/${server.id}`).expect(204);
    engine.advance(2_000);
    expect((await os.get(`/compute/v2.1/os-server-groups/${group.id}`)).body.server_group.members).toEqual([]);
    expectSchema(schemas.deleteGroup!, await os.delete(`/compute/v2.1/os-server-groups/${twin.id}`));
    await os.get(`/compute/v2.1/os-server-groups/${twin.id}`).expect(404);
  });

  it("hides another project's groups (404)", async () => {
    const { os, client, app } = await withActiveServer();
    const group = (await os.post('/compute/v2.1/os-server-groups', { server_group: { name: 'web', policies: ['affinity'] } }).expect(200)).body.server_group;
    const other = (await client.post('/projects', { name: 'other' }).expect(201)).body.id as string;
    await client.post(`/projects/${other}/compute/activate`).expect(200);
    const token = await issueToken(app, { project: { name: 'other', domain: { name: 'Default' } } });
    await request(app).get(`/compute/v2.1/os-server-groups/${group.id}`).set('X-Auth-Token', token).expect(404);
    await request(app).delete(`/compute/v2.1/os-server-groups/${group.id}`).set('X-Auth-Token', token).expect(404);
    expect((await request(app).get('/compute/v2.1/os-server-groups').set('X-Auth-Token', token)).body.server_groups).toEqual([]);
  });
});

describe('Nova accessIPv4 / accessIPv6', () => {
  it('refuses an address of the wrong version with 400', async () => {
    const { os, create, serverId } = await withActiveServer();
    expect((await create({ accessIPv4: '1.1.1.1.1.1' }).expect(400)).body.badRequest.message).toContain('accessIPv4');
    await create({ accessIPv6: '2.2.2.2' }).expect(400);
    await os.put(`/compute/v2.1/servers/${serverId}`, { server: { accessIPv4: '::1' } }).expect(400);
  });
});

describe('Nova accessIPv4 / accessIPv6 (recorded on the server)', () => {
  it('keeps the addresses given at create and update; a deleted server forgets them', async () => {
    const { os, engine, create, serverId } = await withActiveServer();
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server).toMatchObject({ accessIPv4: '', accessIPv6: '' });
    const updated = await os.put(`/compute/v2.1/servers/${serverId}`, { server: { accessIPv4: '1.1.1.1', accessIPv6: '::babe:202:202' } }).expect(200);
    expect(updated.body.server).toMatchObject({ accessIPv4: '1.1.1.1', accessIPv6: '::babe:202:202' });
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server).toMatchObject({ accessIPv4: '1.1.1.1', accessIPv6: '::babe:202:202' });
    const v6only = (await create({ name: 'v6', accessIPv6: '2001:2001:0:0::3' }).expect(202)).body.server.id as string;
    const listed = (await os.get('/compute/v2.1/servers/detail')).body.servers as { id: string; accessIPv4: string; accessIPv6: string }[];
    // Kept in canonical form, as Nova (RFC 5952).
    expect(listed.find((s) => s.id === v6only)).toMatchObject({ accessIPv4: '', accessIPv6: '2001:2001::3' });
    await os.put(`/compute/v2.1/servers/${serverId}`, { server: { accessIPv6: '0000:0000:0000:0000:0000:babe:220.12.22.2' } }).expect(200);
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server.accessIPv6).toBe('::babe:dc0c:1602');
    await os.delete(`/compute/v2.1/servers/${serverId}`).expect(204);
    engine.advance(2_000);
    expect(engine.modules.accessIps.get(serverId)).toEqual({ v4: '', v6: '' });
  });

  it('answers 409 for restore and forceDelete (no soft-deleted servers) and 404 for a missing server', async () => {
    const { os, serverId } = await withActiveServer();
    const restore = await os.post(`/compute/v2.1/servers/${serverId}/action`, { restore: null }).expect(409);
    expect(restore.body.conflictingRequest.message).toContain('vm_state active');
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { forceDelete: null }).expect(409);
    // Tempest sends `{}`, the CLI `null`.
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { forceDelete: {} }).expect(409);
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { restore: {} }).expect(409);
    await os.post('/compute/v2.1/servers/00000000-0000-4000-8000-000000000000/action', { forceDelete: null }).expect(404);
    await os.post('/compute/v2.1/servers/00000000-0000-4000-8000-000000000000/action', { restore: null }).expect(404);
  });
});

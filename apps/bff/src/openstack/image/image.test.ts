import { describe, expect, it } from 'vitest';
import { openstackTestApi } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

describe('Glance v2 images', () => {
  it('answers the version list with 300', async () => {
    const { os } = await openstackTestApi();
    const versions = await os.get('/image').expect(300);
    expect(versions.body.versions[0]).toMatchObject({ id: 'v2.9', status: 'CURRENT' });
  });

  it('lists and shows public images with Glance attributes, filtered by name and visibility, paged', async () => {
    const { os } = await openstackTestApi();
    const all = await os.get('/image/v2/images').expect(200);
    expect(all.body.images).toHaveLength(6);
    expect(all.body.schema).toBe('/v2/schemas/images');
    const ubuntu = await os.get('/image/v2/images?name=Ubuntu%20Server%2022.04%20LTS%20(2024.08)').expect(200);
    expect(ubuntu.body.images.map((i: { id: string }) => i.id)).toEqual([UBUNTU]);
    const shown = await os.get(`/image/v2/images/${UBUNTU}`).expect(200);
    expect(shown.body).toMatchObject({ id: UBUNTU, status: 'active', visibility: 'public', min_disk: 20, min_ram: 1024, disk_format: 'qcow2', container_format: 'bare', self: `/v2/images/${UBUNTU}` });
    expect((await os.get('/image/v2/images?visibility=private').expect(200)).body.images).toEqual([]);
    const page = await os.get('/image/v2/images?limit=4').expect(200);
    expect(page.body.images).toHaveLength(4);
    const next = await os.get(`/image${page.body.next as string}`).expect(200);
    expect(next.body.images).toHaveLength(2);
    expect((await os.get('/image/v2/images/nope').expect(404)).body).toEqual({ code: '404 Not Found', title: 'Not Found', message: 'No image found with ID nope' });
    await os.get('/image/v2/schemas/image').expect(200);
  });

  it('renames (JSON patch) and deletes an image captured from a server; public images are protected', async () => {
    const { os, engine } = await openstackTestApi();
    await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
    const server = (await os.post('/compute/v2.1/servers', { server: { name: 'web', imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'k' } }).expect(202)).body.server;
    engine.advance(5_000);
    await os.post(`/compute/v2.1/servers/${server.id}/action`, { 'os-stop': null }).expect(202);
    engine.advance(3_000);
    const location = (await os.post(`/compute/v2.1/servers/${server.id}/action`, { createImage: { name: 'snap' } }).expect(202)).headers.location as string;
    const imageId = location.split('/').pop()!;
    engine.advance(5_000);
    const patched = await os.patch(`/image/v2/images/${imageId}`, [{ op: 'replace', path: '/name', value: 'web-image' }]).expect(200);
    expect(patched.body).toMatchObject({ name: 'web-image', status: 'active', visibility: 'private', instance_uuid: server.id });
    await os.patch(`/image/v2/images/${imageId}`, [{ op: 'replace', path: '/status', value: 'killed' }]).expect(403);
    await os.patch(`/image/v2/images/${imageId}`, [{ op: 'replace', path: '/name', value: 'x' }], 'application/json').expect(415);
    await os.patch(`/image/v2/images/${imageId}`, { op: 'replace' }).expect(400);
    await os.patch(`/image/v2/images/${UBUNTU}`, [{ op: 'replace', path: '/name', value: 'mine' }]).expect(403);
    await os.delete(`/image/v2/images/${UBUNTU}`).expect(403);
    await os.delete(`/image/v2/images/${imageId}`).expect(204);
    await os.get(`/image/v2/images/${imageId}`).expect(404);
  });
});

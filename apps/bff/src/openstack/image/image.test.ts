import { createHash } from 'node:crypto';
import request from 'supertest';
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

  it('registers an image (queued, no data: 204), takes its bytes (active, size and hashes), serves them back, tags, deletes', async () => {
    const { os, app, token } = await openstackTestApi();
    const putFile = (bytes: Buffer) => request(app).put(`/image/v2/images/${id}/file`).set('X-Auth-Token', token).set('Content-Type', 'application/octet-stream').send(bytes);
    const created = await os.post('/image/v2/images', { name: 'upload', container_format: 'bare', disk_format: 'raw', visibility: 'private', ramdisk_id: 'r1', tags: ['a'] }).expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ name: 'upload', status: 'queued', visibility: 'private', disk_format: 'raw', container_format: 'bare', size: null, checksum: null, ramdisk_id: 'r1', tags: ['a'] });
    await os.get(`/image/v2/images/${id}/file`).expect(204);
    const bytes = Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 251));
    await putFile(bytes).expect(204);
    const shown = (await os.get(`/image/v2/images/${id}`).expect(200)).body;
    expect(shown).toMatchObject({ status: 'active', size: 1024, checksum: createHash('md5').update(bytes).digest('hex'), os_hash_algo: 'sha512', os_hash_value: createHash('sha512').update(bytes).digest('hex') });
    const downloaded = await os.get(`/image/v2/images/${id}/file`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(Buffer.compare(downloaded.body as Buffer, bytes)).toBe(0);
    await putFile(bytes).expect(409);

    await os.put(`/image/v2/images/${id}/tags/b`, undefined).expect(204);
    await os.delete(`/image/v2/images/${id}/tags/a`).expect(204);
    await os.delete(`/image/v2/images/${id}/tags/nope`).expect(404);
    expect((await os.get('/image/v2/images?tag=b').expect(200)).body.images.map((i: { id: string }) => i.id)).toEqual([id]);
    await os.patch(`/image/v2/images/${id}`, [{ replace: '/name', value: 'renamed' }], 'application/openstack-images-v2.0-json-patch').expect(200);
    expect((await os.get(`/image/v2/images/${id}`).expect(200)).body).toMatchObject({ name: 'renamed', tags: ['b'] });

    await os.post(`/image/v2/images/${id}/actions/deactivate`).expect(204);
    expect((await os.get(`/image/v2/images/${id}`).expect(200)).body.status).toBe('deactivated');
    await os.get(`/image/v2/images/${id}/file`).expect(403);
    await os.post(`/image/v2/images/${id}/actions/reactivate`).expect(204);

    await os.delete(`/image/v2/images/${id}`).expect(204);
    await os.get(`/image/v2/images/${id}`).expect(404);
    await os.delete(`/image/v2/images/${id}`).expect(404);
  });

  it('refuses bad formats, public visibility, read-only attributes, and deleting a protected image', async () => {
    const { os } = await openstackTestApi();
    await os.post('/image/v2/images', { name: 'x', container_format: 'nope' }).expect(400);
    await os.post('/image/v2/images', { name: 'x', disk_format: 'nope' }).expect(400);
    await os.post('/image/v2/images', { name: 'x', visibility: 'public' }).expect(403);
    await os.post('/image/v2/images', { name: 'x', status: 'active' }).expect(403);
    const id = (await os.post('/image/v2/images', { name: 'p', protected: true }).expect(201)).body.id as string;
    await os.delete(`/image/v2/images/${id}`).expect(403);
    await os.patch(`/image/v2/images/${id}`, [{ op: 'replace', path: '/protected', value: false }]).expect(200);
    await os.delete(`/image/v2/images/${id}`).expect(204);
    expect((await os.get('/image/v2/schemas/metadefs/resource_type').expect(200)).body.name).toBe('resource_type_association');
    expect((await os.get('/image/v2/schemas/members').expect(200)).body.name).toBe('members');
    await os.get('/image/v2/images/').expect(404);
  });
});

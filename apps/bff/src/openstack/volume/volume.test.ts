import { execFileSync } from 'node:child_process';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { activatedProject } from '../../test-support/test-api.ts';
import { expectSchema, issueToken, openstackTestApi } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

type Schema = Parameters<typeof expectSchema>[0];

/** Tempest 33's response schemas by full module path (volume ones live beside compute's). */
function schemasAt(names: Record<string, string>): Record<string, Schema> {
  const script = [
    'import json, importlib',
    `names = ${JSON.stringify(names)}`,
    'out = {}',
    'for key, path in names.items():',
    '    module, attr = path.rsplit(".", 1)',
    '    out[key] = getattr(importlib.import_module("tempest.lib.api_schema.response." + module), attr)',
    'print(json.dumps(out))',
  ].join('\n');
  const raw = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' })) as Record<string, { status_code: number[]; response_body?: object }>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('iso8601-date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value));
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uuid', (value: string) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value));
  return Object.fromEntries(Object.entries(raw).map(([key, s]) => [key, { status: s.status_code, validate: ajv.compile(s.response_body ?? {}) }]));
}

let schemas: Record<string, Schema>;
beforeAll(() => {
  schemas = schemasAt({
    createVolume: 'volume.volumes.create_volume',
    showVolume: 'volume.volumes.show_volume',
    listVolumes: 'volume.volumes.list_volumes_no_detail',
    listVolumesDetail: 'volume.volumes.list_volumes_with_detail',
    updateVolume: 'volume.volumes.update_volume',
    createSnapshot: 'volume.snapshots.create_snapshot',
    showSnapshot: 'volume.snapshots.show_snapshot',
    listSnapshotsDetail: 'volume.snapshots.list_snapshots_with_detail',
    listSnapshots: 'volume.snapshots.list_snapshots_no_detail',
    listTypes: 'volume.volume_types.list_volume_types',
    showType: 'volume.volume_types.show_volume_type',
    limits: 'volume.limits.show_limits',
    quotaUsage: 'volume.quotas.show_quota_set_usage',
    attach: 'compute.v2_1.servers.attach_volume',
    listAttachments: 'compute.v2_1.servers.list_volume_attachments',
    novaVolume: 'compute.v2_1.volumes.create_get_volume',
    novaVolumes: 'compute.v2_1.volumes.list_volumes',
    novaSnapshot: 'compute.v2_1.snapshots.create_get_snapshot',
  });
}, 30_000);

async function volumeApi() {
  const api = await openstackTestApi();
  const v3 = `/volume/v3/${api.projectId}`;
  const createVolume = async (volume: object = {}) => {
    const created = await api.os.post(`${v3}/volumes`, { volume: { size: 10, name: 'data', ...volume } });
    return created;
  };
  return { ...api, v3, createVolume };
}

describe('Cinder v3 volumes', () => {
  it('answers the version documents and is in the catalog as volumev3 and block-storage', async () => {
    const { app, os } = await volumeApi();
    const versions = await os.get('/volume/');
    expect(versions.status).toBe(300);
    expect(versions.body.versions[0]).toMatchObject({ id: 'v3.0', status: 'CURRENT', version: '3.0' });
    const token = await (await import('supertest')).default(app).post('/identity/v3/auth/tokens').send({
      auth: { identity: { methods: ['password'], password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'admin-password' } } }, scope: { project: { name: 'demo', domain: { name: 'Default' } } } },
    });
    const types = (token.body.token.catalog as { type: string; endpoints: { url: string }[] }[]).filter((s) => s.type === 'volumev3' || s.type === 'block-storage');
    expect(types.map((s) => s.type)).toEqual(['volumev3', 'block-storage']);
    expect(types[0]!.endpoints[0]!.url).toMatch(/\/volume\/v3$/);
  });

  it('creates a volume (creating → available), shows, lists, filters, updates and deletes it as Tempest expects', async () => {
    const { os, v3, engine, createVolume, projectId } = await volumeApi();
    const created = await createVolume({ description: 'logs', availability_zone: 'kr-pub-b', volume_type: 'SSD', metadata: { purpose: 'logs' } });
    expectSchema(schemas.createVolume!, created);
    const id = created.body.volume.id as string;
    expect(created.body.volume).toMatchObject({ status: 'creating', size: 10, availability_zone: 'kr-pub-b', volume_type: 'SSD', metadata: { purpose: 'logs' } });
    engine.advance(10_000);
    const shown = await os.get(`${v3}/volumes/${id}`);
    expectSchema(schemas.showVolume!, shown);
    expect(shown.body.volume.status).toBe('available');
    // The console sees the same volume.
    expect(engine.modules.volumes.get(projectId, id)).toMatchObject({ name: 'data', volumeType: 'SSD', zone: 'kr-pub-b' });

    await createVolume({ name: 'other' }).then((r) => expect(r.status).toBe(202));
    const list = await os.get(`${v3}/volumes`);
    expectSchema(schemas.listVolumes!, list);
    expect(list.body.volumes).toHaveLength(2);
    const detail = await os.get(`${v3}/volumes/detail?name=data`);
    expectSchema(schemas.listVolumesDetail!, detail);
    expect(detail.body.volumes.map((v: { id: string }) => v.id)).toEqual([id]);
    const byMetadata = await os.get(`${v3}/volumes/detail?metadata=${encodeURIComponent(JSON.stringify({ purpose: 'logs' }))}`);
    expect(byMetadata.body.volumes.map((v: { id: string }) => v.id)).toEqual([id]);
    const paged = await os.get(`${v3}/volumes?limit=1`);
    expect(paged.body.volumes).toHaveLength(1);
    expect(paged.body.volumes_links[0].rel).toBe('next');

    const updated = await os.put(`${v3}/volumes/${id}`, { volume: { name: 'data-2', description: 'new' } });
    expectSchema(schemas.updateVolume!, updated);
    expect(updated.body.volume).toMatchObject({ name: 'data-2', description: 'new' });

    // The project-less URL reaches the same volume.
    expect((await os.get(`/volume/v3/volumes/${id}`)).body.volume.name).toBe('data-2');

    await os.delete(`${v3}/volumes/${id}`).expect(202);
    expect((await os.get(`${v3}/volumes/${id}`)).body.volume.status).toBe('deleting');
    engine.advance(10_000);
    const gone = await os.get(`${v3}/volumes/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ itemNotFound: { code: 404, message: `Volume ${id} could not be found.` } });
  });

  it('extends an available volume and refuses to shrink it', async () => {
    const { os, v3, engine, createVolume } = await volumeApi();
    const id = (await createVolume()).body.volume.id as string;
    engine.advance(10_000);
    const shrink = await os.post(`${v3}/volumes/${id}/action`, { 'os-extend': { new_size: 10 } });
    expect(shrink.status).toBe(400);
    expect(shrink.body.badRequest.message).toMatch(/greater than current size/);
    await os.post(`${v3}/volumes/${id}/action`, { 'os-extend': { new_size: 20 } }).expect(202);
    expect((await os.get(`${v3}/volumes/${id}`)).body.volume.status).toBe('extending');
    engine.advance(30_000);
    expect((await os.get(`${v3}/volumes/${id}`)).body.volume).toMatchObject({ status: 'available', size: 20 });
  });

  it('snapshots a volume and creates a volume from the snapshot with its content', async () => {
    const { os, v3, engine, createVolume } = await volumeApi();
    const id = (await createVolume()).body.volume.id as string;
    engine.advance(10_000);
    const snap = await os.post(`${v3}/snapshots`, { snapshot: { volume_id: id, name: 'snap' } });
    expectSchema(schemas.createSnapshot!, snap);
    const snapId = snap.body.snapshot.id as string;
    engine.advance(10_000);
    const shown = await os.get(`${v3}/snapshots/${snapId}`);
    expectSchema(schemas.showSnapshot!, shown);
    expect(shown.body.snapshot).toMatchObject({ status: 'available', volume_id: id, size: 10 });
    expectSchema(schemas.listSnapshotsDetail!, await os.get(`${v3}/snapshots/detail`));
    expectSchema(schemas.listSnapshots!, await os.get(`${v3}/snapshots`));

    const fromSnap = await os.post(`${v3}/volumes`, { volume: { snapshot_id: snapId, name: 'copy' } });
    expect(fromSnap.status).toBe(202);
    expect(fromSnap.body.volume).toMatchObject({ snapshot_id: snapId, size: 10 });

    // A volume with snapshots is not deleted (Cinder's InvalidVolume, 400).
    const refused = await os.delete(`${v3}/volumes/${id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.badRequest.message).toMatch(/snapshot/);
    await os.delete(`${v3}/snapshots/${snapId}`).expect(202);
    engine.advance(10_000);
    expect((await os.get(`${v3}/snapshots/${snapId}`)).status).toBe(404);
  });

  it('keeps volume metadata: set, merge, replace, show a key, delete a key', async () => {
    const { os, v3, createVolume } = await volumeApi();
    const id = (await createVolume()).body.volume.id as string;
    expect((await os.post(`${v3}/volumes/${id}/metadata`, { metadata: { a: '1', b: '2' } })).body).toEqual({ metadata: { a: '1', b: '2' } });
    expect((await os.post(`${v3}/volumes/${id}/metadata`, { metadata: { c: '3' } })).body).toEqual({ metadata: { a: '1', b: '2', c: '3' } });
    expect((await os.put(`${v3}/volumes/${id}/metadata`, { metadata: { z: '9' } })).body).toEqual({ metadata: { z: '9' } });
    expect((await os.get(`${v3}/volumes/${id}/metadata/z`)).body).toEqual({ meta: { z: '9' } });
    expect((await os.put(`${v3}/volumes/${id}/metadata/y`, { meta: { y: '8' } })).body).toEqual({ meta: { y: '8' } });
    await os.delete(`${v3}/volumes/${id}/metadata/z`).expect(200);
    expect((await os.get(`${v3}/volumes/${id}/metadata`)).body).toEqual({ metadata: { y: '8' } });
    expect((await os.get(`${v3}/volumes/${id}/metadata/z`)).status).toBe(404);
  });

  it('keeps snapshot metadata, given at creation or set later', async () => {
    const { os, v3, engine, createVolume } = await volumeApi();
    const id = (await createVolume()).body.volume.id as string;
    engine.advance(10_000);
    const snap = await os.post(`${v3}/snapshots`, { snapshot: { volume_id: id, name: 's', metadata: { a: '1' } } });
    expectSchema(schemas.createSnapshot!, snap);
    const snapId = snap.body.snapshot.id as string;
    expect(snap.body.snapshot.metadata).toEqual({ a: '1' });
    expect((await os.put(`${v3}/snapshots/${snapId}/metadata/b`, { meta: { b: '2' } })).body).toEqual({ meta: { b: '2' } });
    expect((await os.get(`${v3}/snapshots/${snapId}`)).body.snapshot.metadata).toEqual({ a: '1', b: '2' });
    await os.delete(`${v3}/snapshots/${snapId}/metadata/a`).expect(200);
    expect((await os.get(`${v3}/snapshots/${snapId}/metadata`)).body).toEqual({ metadata: { b: '2' } });
    expect((await os.get(`${v3}/snapshots/00000000-0000-4000-8000-000000000000/metadata`)).status).toBe(404);
    await createVolume({ name: 'second' });
    expect((await os.get(`${v3}/volumes?sort_key=name&sort_dir=asc&offset=1`)).body.volumes.map((v: { name: string }) => v.name)).toEqual(['second']);
  });

  it('lists the volume types (HDD the default), zones, limits and quota usage', async () => {
    const { os, v3, projectId, createVolume } = await volumeApi();
    await createVolume();
    const types = await os.get(`${v3}/types`);
    expectSchema(schemas.listTypes!, types);
    expect(types.body.volume_types.map((t: { name: string }) => t.name)).toEqual(['HDD', 'SSD']);
    const def = await os.get(`${v3}/types/default`);
    expectSchema(schemas.showType!, def);
    expect(def.body.volume_type.name).toBe('HDD');
    expect((await os.get(`${v3}/os-availability-zone`)).body.availabilityZoneInfo.map((z: { zoneName: string }) => z.zoneName)).toEqual(['kr-pub-a', 'kr-pub-b']);
    const limits = await os.get(`${v3}/limits`);
    expectSchema(schemas.limits!, limits);
    expect(limits.body.limits.absolute).toMatchObject({ maxTotalVolumes: 10, totalVolumesUsed: 1, totalGigabytesUsed: 10 });
    const quota = await os.get(`${v3}/os-quota-sets/${projectId}?usage=true`);
    expectSchema(schemas.quotaUsage!, quota);
    expect(quota.body.quota_set.volumes).toEqual({ limit: 10, in_use: 1, reserved: 0, allocated: 0 });
  });

  it('refuses bad input and other projects in the Cinder format, never a 500', async () => {
    const { os, v3, app, client, createVolume } = await volumeApi();
    expect((await createVolume({ size: 1 })).status).toBe(400);
    expect((await createVolume({ size: 'big' })).status).toBe(400);
    expect((await createVolume({ availability_zone: 'nowhere' })).status).toBe(400);
    expect((await createVolume({ volume_type: 'gold' })).status).toBe(404);
    expect((await createVolume({ snapshot_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await os.post(`${v3}/volumes`, {})).body.badRequest.code).toBe(400);
    expect((await createVolume({ imageRef: UBUNTU })).body.badRequest.message).toMatch(/needs a volume of at least 20 GB$/);
    expect((await createVolume({ source_volid: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await os.post(`${v3}/snapshots`, { snapshot: { volume_id: null } })).status).toBe(404);
    expect((await os.get(`${v3}/volumes/`)).status).toBe(404);
    expect((await os.post(`${v3}/volumes/00000000-0000-4000-8000-000000000000/action`, { 'os-extend': { new_size: 20 } })).status).toBe(404);
    expect((await os.get('/volume/v3/00000000000040008000000000000000/volumes')).status).toBe(404);
    const id = (await createVolume()).body.volume.id as string;
    expect((await os.post(`${v3}/volumes/${id}/action`, { 'os-nothing': {} })).status).toBe(400);
    // Another project's volume is not found.
    const otherProject = await activatedProject(client, 'other');
    const otherToken = await issueToken(app, { project: { id: otherProject } });
    const request = (await import('supertest')).default;
    const foreign = await request(app).get(`/volume/v3/${otherProject}/volumes/${id}`).set('X-Auth-Token', otherToken);
    expect(foreign.status).toBe(404);
  });
});

describe('Nova volume attachments', () => {
  it('attaches (attaching → in-use) and detaches (detaching → available) through os-volume_attachments', async () => {
    const { os, v3, engine, createVolume } = await volumeApi();
    await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
    const serverId = (await os.post('/compute/v2.1/servers', { server: { name: 'web', imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'k' } }).expect(202)).body.server.id as string;
    const volumeId = (await createVolume()).body.volume.id as string;
    engine.advance(10_000);

    const attached = await os.post(`/compute/v2.1/servers/${serverId}/os-volume_attachments`, { volumeAttachment: { volumeId } });
    expectSchema(schemas.attach!, attached);
    expect(attached.body.volumeAttachment).toEqual({ id: volumeId, serverId, volumeId, device: '/dev/vdb' });
    expect((await os.get(`${v3}/volumes/${volumeId}`)).body.volume.status).toBe('attaching');
    engine.advance(10_000);
    const inUse = await os.get(`${v3}/volumes/${volumeId}`);
    expect(inUse.body.volume).toMatchObject({ status: 'in-use', attachments: [{ server_id: serverId, volume_id: volumeId, device: '/dev/vdb' }] });
    expectSchema(schemas.listAttachments!, await os.get(`/compute/v2.1/servers/${serverId}/os-volume_attachments`));
    // The guest sees the disk.
    expect(engine.modules.volumes.attachmentsOf(serverId).map((a) => a.device)).toEqual(['/dev/vdb']);

    const again = await os.post(`/compute/v2.1/servers/${serverId}/os-volume_attachments`, { volumeAttachment: { volumeId } });
    expect(again.status).toBe(400);
    expect((await os.delete(`${v3}/volumes/${volumeId}`)).status).toBe(400);

    await os.delete(`/compute/v2.1/servers/${serverId}/os-volume_attachments/${volumeId}`).expect(202);
    expect((await os.get(`${v3}/volumes/${volumeId}`)).body.volume.status).toBe('detaching');
    engine.advance(10_000);
    expect((await os.get(`${v3}/volumes/${volumeId}`)).body.volume).toMatchObject({ status: 'available', attachments: [] });
    expect((await os.delete(`/compute/v2.1/servers/${serverId}/os-volume_attachments/${volumeId}`)).status).toBe(404);
  });
});

describe("Nova's volume proxy", () => {
  it('creates, shows, lists and deletes volumes and snapshots through os-volumes and os-snapshots', async () => {
    const { os, engine, v3 } = await volumeApi();
    const created = await os.post('/compute/v2.1/os-volumes', { volume: { size: 10, display_name: 'proxied' } });
    expectSchema(schemas.novaVolume!, created);
    const id = created.body.volume.id as string;
    expect(created.body.volume).toMatchObject({ displayName: 'proxied', status: 'creating', attachments: [{}] });
    engine.advance(10_000);
    expectSchema(schemas.novaVolume!, await os.get(`/compute/v2.1/os-volumes/${id}`));
    expectSchema(schemas.novaVolumes!, await os.get('/compute/v2.1/os-volumes/detail'));
    // Cinder sees the same volume.
    expect((await os.get(`${v3}/volumes/${id}`)).body.volume.name).toBe('proxied');
    expect((await os.post('/compute/v2.1/os-volumes', { volume: { size: 0 } })).status).toBe(400);
    const second = (await os.post('/compute/v2.1/os-volumes', { volume: { size: 10, display_name: 'second' } })).body.volume.id as string;
    expect((await os.get('/compute/v2.1/os-volumes?limit=1')).body.volumes.map((v: { id: string }) => v.id)).toEqual([id]);
    expect((await os.get('/compute/v2.1/os-volumes/detail?offset=1&limit=1')).body.volumes.map((v: { id: string }) => v.id)).toEqual([second]);
    expect((await os.get('/compute/v2.1/os-volumes/')).status).toBe(404);
    expect((await os.post('/compute/v2.1/os-volumes', { volume: {} })).body.badRequest.code).toBe(400);

    const snap = await os.post('/compute/v2.1/os-snapshots', { snapshot: { volume_id: id, display_name: 's' } });
    expectSchema(schemas.novaSnapshot!, snap);
    engine.advance(10_000);
    await os.delete(`/compute/v2.1/os-snapshots/${snap.body.snapshot.id}`).expect(202);
    engine.advance(10_000);
    await os.delete(`/compute/v2.1/os-volumes/${id}`).expect(202);
    engine.advance(10_000);
    const gone = await os.get(`/compute/v2.1/os-volumes/${id}`);
    expect(gone.body).toEqual({ itemNotFound: { code: 404, message: `Volume ${id} could not be found.` } });
  });
});

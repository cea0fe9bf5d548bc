import { beforeAll, describe, expect, it } from 'vitest';
import { expectSchema, openstackTestApi, tempestSchemas } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

// Tempest 33's compute v2_1 response schemas, the shapes Tempest holds a real Nova to.
let schemas: ReturnType<typeof tempestSchemas>;
beforeAll(() => {
  schemas = tempestSchemas({
    createServer: 'servers.create_server',
    getServer: 'servers.get_server',
    listServers: 'servers.list_servers',
    listServersDetail: 'servers.list_servers_detail',
    deleteServer: 'servers.delete_server',
    updateServer: 'servers.update_server',
    action: 'servers.server_actions_common_schema',
    listAddresses: 'servers.list_addresses',
    setMetadata: 'servers.set_server_metadata',
    listMetadata: 'servers.list_server_metadata',
    updateMetadata: 'servers.update_server_metadata',
    metadataItem: 'servers.set_show_server_metadata_item',
    deleteMetadataItem: 'servers.delete_server_metadata_item',
    listInterfaces: 'interfaces.list_interfaces',
    listFlavors: 'flavors.list_flavors',
    listFlavorsDetail: 'flavors.list_flavors_details',
    getFlavor: 'flavors.create_update_get_flavor_details',
    createKeypair: 'keypairs.create_keypair',
    getKeypair: 'keypairs.get_keypair',
    listKeypairs: 'keypairs.list_keypairs',
    deleteKeypair: 'keypairs.delete_keypair',
    limits: 'limits.get_limit',
    zones: 'availability_zone.list_availability_zone_list',
    zonesDetail: 'availability_zone.list_availability_zone_list_detail',
    quotaSet: 'quotas.get_quota_set',
    listSecurityGroups: 'security_groups.list_security_groups',
    getSecurityGroup: 'security_groups.get_security_group',
  });
}, 30_000);

async function withServer() {
  const api = await openstackTestApi();
  await api.os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'my_keypair' } }).expect(200);
  const create = (server: object = {}) =>
    api.os.post('/compute/v2.1/servers', { server: { name: 'web', imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'my_keypair', ...server } });
  const created = await create().expect(202);
  return { ...api, create, serverId: created.body.server.id as string, created };
}

describe('Nova servers', () => {
  it('creates a server in BUILD that becomes ACTIVE, shown as Tempest expects', async () => {
    const { os, engine, serverId, created } = await withServer();
    expectSchema(schemas.createServer!, created);
    expect(created.headers.location).toMatch(new RegExp(`/compute/v2.1/servers/${serverId}$`));
    expect(created.headers['x-openstack-request-id']).toMatch(/^req-[0-9a-f-]{36}$/);
    const building = await os.get(`/compute/v2.1/servers/${serverId}`);
    expectSchema(schemas.getServer!, building);
    expect(building.body.server).toMatchObject({ name: 'web', status: 'BUILD', key_name: 'my_keypair', 'OS-EXT-STS:vm_state': 'building', 'OS-EXT-AZ:availability_zone': 'kr-pub-a' });
    engine.advance(5_000);
    const active = await os.get(`/compute/v2.1/servers/${serverId}`);
    expectSchema(schemas.getServer!, active);
    expect(active.body.server).toMatchObject({ status: 'ACTIVE', 'OS-EXT-STS:power_state': 1, security_groups: [{ name: 'default' }] });
    expect(active.body.server.addresses['Default Network']).toEqual([
      { version: 4, addr: '192.168.0.4', 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': expect.stringMatching(/^fa:16:3e(:[0-9a-f]{2}){3}$/) },
    ]);
    expect(active.headers['openstack-api-version']).toBe('compute 2.1');
  });

  it('is the instance the console shows', async () => {
    const { client, projectId, serverId } = await withServer();
    const instances = (await client.get(`/projects/${projectId}/instances`).expect(200)).body.items;
    expect(instances.map((i: { id: string; name: string; keyName: string }) => [i.id, i.name, i.keyName])).toEqual([[serverId, 'web', 'my_keypair']]);
  });

  it('creates a server without key_name, as Nova allows: key_name null, no key installed', async () => {
    const { os, engine, create } = await withServer();
    const created = await create({ name: 'keyless', key_name: undefined }).expect(202);
    const id = created.body.server.id as string;
    engine.advance(5_000);
    const active = await os.get(`/compute/v2.1/servers/${id}`).expect(200);
    expectSchema(schemas.getServer!, active);
    expect(active.body.server).toMatchObject({ name: 'keyless', status: 'ACTIVE', key_name: null });
    expect(engine.modules.instances.get(active.body.server.tenant_id, id).keyName).toBe('');
  });

  it('filters by changes-since, answers an empty password and refuses virtual interfaces as Nova with Neutron', async () => {
    const { os, serverId } = await withServer();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await os.get(`/compute/v2.1/servers?changes-since=${future}`).expect(200)).body.servers).toEqual([]);
    expect((await os.get('/compute/v2.1/servers?changes-since=2000-01-01T00:00:00Z').expect(200)).body.servers.map((s: { id: string }) => s.id)).toEqual([serverId]);
    await os.get('/compute/v2.1/servers?changes-since=yesterday-ish').expect(400);
    await os.get('/compute/v2.1/servers?changes-since=2011/01/01').expect(400);
    expect((await os.get('/compute/v2.1/servers?ip=192.168.0.4').expect(200)).body.servers.map((s: { id: string }) => s.id)).toEqual([serverId]);
    expect((await os.get('/compute/v2.1/servers?ip=10.9.9.9').expect(200)).body.servers).toEqual([]);
    expect((await os.get(`/compute/v2.1/servers/${serverId}/os-server-password`).expect(200)).body).toEqual({ password: '' });
    await os.delete(`/compute/v2.1/servers/${serverId}/os-server-password`).expect(204);
    await os.get(`/compute/v2.1/servers/${serverId}/os-virtual-interfaces`).expect(400);
  });

  it('creates min_count..max_count servers named name-N', async () => {
    const { os, create } = await withServer();
    await create({ name: 'app', min_count: 2, max_count: 3 }).expect(202);
    const listed = await os.get('/compute/v2.1/servers');
    expectSchema(schemas.listServers!, listed);
    expect(listed.body.servers.map((s: { name: string }) => s.name).sort()).toEqual(['app-1', 'app-2', 'app-3', 'web']);
    await create({ min_count: 3, max_count: 2 }).expect(400);
  });

  it('lists with name (a regular expression), status, limit and marker', async () => {
    const { os, engine, create } = await withServer();
    engine.advance(1_000);
    await create({ name: 'db' }).expect(202);
    const detail = await os.get('/compute/v2.1/servers/detail');
    expectSchema(schemas.listServersDetail!, detail);
    expect(detail.body.servers.map((s: { name: string }) => s.name)).toEqual(['db', 'web']);
    expect((await os.get('/compute/v2.1/servers?name=^w')).body.servers.map((s: { name: string }) => s.name)).toEqual(['web']);
    expect((await os.get('/compute/v2.1/servers/detail?status=active')).body.servers).toEqual([]);
    const first = await os.get('/compute/v2.1/servers?limit=1');
    expectSchema(schemas.listServers!, first);
    expect(first.body.servers.map((s: { name: string }) => s.name)).toEqual(['db']);
    expect(first.body.servers_links[0].href).toContain(`marker=${first.body.servers[0].id}`);
    const second = await os.get(`/compute/v2.1/servers?limit=1&marker=${first.body.servers[0].id}`);
    expect(second.body.servers.map((s: { name: string }) => s.name)).toEqual(['web']);
    const badMarker = await os.get('/compute/v2.1/servers?marker=nope').expect(400);
    expect(badMarker.body).toEqual({ badRequest: { code: 400, message: 'marker [nope] not found' } });
  });

  it('stops, starts and reboots through actions, refusing what the state does not allow with 409', async () => {
    const { os, engine, serverId } = await withServer();
    const action = (body: object) => os.post(`/compute/v2.1/servers/${serverId}/action`, body);
    const early = await action({ 'os-stop': null }).expect(409);
    expect(Object.keys(early.body)).toEqual(['conflictingRequest']);
    expect(early.body.conflictingRequest.message).toContain(`Cannot 'os-stop' instance ${serverId}`);
    engine.advance(5_000);
    expectSchema(schemas.action!, await action({ 'os-stop': null }));
    engine.advance(3_000);
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server).toMatchObject({ status: 'SHUTOFF', 'OS-EXT-STS:vm_state': 'stopped', 'OS-EXT-STS:power_state': 4 });
    await action({ reboot: { type: 'SOFT' } }).expect(409);
    await action({ 'os-start': {} }).expect(202);
    engine.advance(3_000);
    await action({ reboot: { type: 'SOFT' } }).expect(202);
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server).toMatchObject({ status: 'REBOOT', 'OS-EXT-STS:task_state': 'rebooting' });
    engine.advance(4_000);
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server.status).toBe('ACTIVE');
    await action({ reboot: { type: 'HARD' } }).expect(202);
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server).toMatchObject({ status: 'HARD_REBOOT', 'OS-EXT-STS:task_state': 'rebooting_hard' });
    engine.advance(3_000);
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server.status).toBe('ACTIVE');
    await action({ reboot: { type: 'WARM' } }).expect(400);
    expect((await action({ migrate: null }).expect(400)).body).toEqual({ badRequest: { code: 400, message: 'There is no such action: migrate' } });
  });

  it('captures an image of a running server, answering its URL in Location (2.1)', async () => {
    const { os, engine, serverId } = await withServer();
    const building = await os.post(`/compute/v2.1/servers/${serverId}/action`, { createImage: { name: 'web-image' } }).expect(409);
    expect(building.body.conflictingRequest.message).toContain('ACTIVE or SHUTOFF');
    engine.advance(5_000);
    const captured = await os.post(`/compute/v2.1/servers/${serverId}/action`, { createImage: { name: 'web-image' } }).expect(202);
    expect(captured.text).toBe('');
    const imageId = String(captured.headers.location).split('/').pop()!;
    expect((await os.get(`/image/v2/images/${imageId}`).expect(200)).body).toMatchObject({ name: 'web-image', status: 'queued', visibility: 'private', min_disk: 20 });
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server).toMatchObject({ status: 'ACTIVE', 'OS-EXT-STS:task_state': 'image_snapshot' });
    const second = await os.post(`/compute/v2.1/servers/${serverId}/action`, { createImage: { name: 'again' } }).expect(409);
    expect(second.body.conflictingRequest.message).toContain('task_state image_snapshot');
    engine.advance(5_000);
    expect((await os.get(`/image/v2/images/${imageId}`)).body).toMatchObject({ status: 'active', size: expect.any(Number) });
  });

  it('adds and removes security groups by name', async () => {
    const { os, engine, serverId } = await withServer();
    engine.advance(5_000);
    await os.post('/network/v2.0/security-groups', { security_group: { name: 'web' } }).expect(201);
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { addSecurityGroup: { name: 'web' } }).expect(202);
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server.security_groups).toEqual([{ name: 'default' }, { name: 'web' }]);
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { removeSecurityGroup: { name: 'default' } }).expect(202);
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server.security_groups).toEqual([{ name: 'web' }]);
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { removeSecurityGroup: { name: 'default' } }).expect(400);
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { addSecurityGroup: { name: 'nope' } }).expect(404);
    // Nova's proxy of the groups, which the CLI uses to resolve a name.
    const groups = await os.get('/compute/v2.1/os-security-groups');
    expectSchema(schemas.listSecurityGroups!, groups);
    expect(groups.body.security_groups.map((g: { name: string }) => g.name).sort()).toEqual(['default', 'web']);
    const defaultGroup = groups.body.security_groups.find((g: { name: string }) => g.name === 'default');
    expect(defaultGroup.rules.map((r: { ip_protocol: string | null; group: object }) => [r.ip_protocol, r.group])).toEqual([
      [null, { name: 'default', tenant_id: defaultGroup.tenant_id }],
      [null, { name: 'default', tenant_id: defaultGroup.tenant_id }],
    ]);
    expectSchema(schemas.getSecurityGroup!, await os.get(`/compute/v2.1/os-security-groups/${defaultGroup.id}`));
    const ofServer = await os.get(`/compute/v2.1/servers/${serverId}/os-security-groups`);
    expectSchema(schemas.listSecurityGroups!, ofServer);
    expect(ofServer.body.security_groups.map((g: { name: string }) => g.name)).toEqual(['web']);
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { removeSecurityGroup: { name: 'web' } }).expect(202);
    const bare = await os.get(`/compute/v2.1/servers/${serverId}`).expect(200);
    expectSchema(schemas.getServer!, bare);
    expect(bare.body.server).not.toHaveProperty('security_groups');
  });

  it('reads addresses and interfaces, and deletes (204, then 404)', async () => {
    const { os, engine, serverId } = await withServer();
    engine.advance(5_000);
    const ips = await os.get(`/compute/v2.1/servers/${serverId}/ips`);
    expectSchema(schemas.listAddresses!, ips);
    expect(ips.body).toEqual({ addresses: { 'Default Network': [{ version: 4, addr: '192.168.0.4' }] } });
    const interfaces = await os.get(`/compute/v2.1/servers/${serverId}/os-interface`);
    expectSchema(schemas.listInterfaces!, interfaces);
    expect(interfaces.body.interfaceAttachments[0]).toMatchObject({ fixed_ips: [{ ip_address: '192.168.0.4' }], port_state: 'ACTIVE' });
    const same = await os.put(`/compute/v2.1/servers/${serverId}`, { server: { name: 'web' } });
    expectSchema(schemas.updateServer!, same);
    expectSchema(schemas.deleteServer!, await os.delete(`/compute/v2.1/servers/${serverId}`));
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server['OS-EXT-STS:task_state']).toBe('deleting');
    engine.advance(2_000);
    const gone = await os.get(`/compute/v2.1/servers/${serverId}`).expect(404);
    expect(gone.body).toEqual({ itemNotFound: { code: 404, message: `Instance ${serverId} could not be found.` } });
  });
});

describe('Nova refuses bad requests as Nova does', () => {
  it('renames a server with PUT (the guest keeps its hostname), refusing a bad name with 400 and a task in flight with 409', async () => {
    const { os, engine, serverId, projectId } = await withServer();
    engine.advance(5_000);
    const hostname = async () => (await engine.modules.guests.runCommand(projectId, serverId, 'hostname')).stdout;
    const before = await hostname();
    const renamed = await os.put(`/compute/v2.1/servers/${serverId}`, { server: { name: 'api' } });
    expectSchema(schemas.updateServer!, renamed);
    expect(renamed.body.server).toMatchObject({ id: serverId, name: 'api' });
    expect((await os.get(`/compute/v2.1/servers/${serverId}`)).body.server.name).toBe('api');
    expect(await hostname()).toBe(before);
    const bad = await os.put(`/compute/v2.1/servers/${serverId}`, { server: { name: 'no spaces!' } }).expect(400);
    expect(bad.body.badRequest.message).toBe('Use letters, digits, ".", "_" and "-", starting with a letter or digit');
    // `description` is microversion 2.19: refused at 2.1 as Nova does.
    await os.put(`/compute/v2.1/servers/${serverId}`, { server: { description: 'x' } }).expect(400);
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { 'os-stop': null }).expect(202);
    const busy = await os.put(`/compute/v2.1/servers/${serverId}`, { server: { name: 'late' } }).expect(409);
    expect(busy.body.conflictingRequest.message).toContain(`Cannot 'update' instance ${serverId} while it is in task_state powering-off`);
  });

  it('keeps server metadata: create, list, replace, merge, show, set and delete one item, in Tempest\'s shapes', async () => {
    const { os, engine, create } = await withServer();
    const created = await create({ name: 'tagged', metadata: { role: 'web' } }).expect(202);
    const id = created.body.server.id as string;
    const url = `/compute/v2.1/servers/${id}/metadata`;
    expect((await os.get(`/compute/v2.1/servers/${id}`)).body.server.metadata).toEqual({ role: 'web' });
    const listed = await os.get(url);
    expectSchema(schemas.listMetadata!, listed);
    expect(listed.body).toEqual({ metadata: { role: 'web' } });

    const replaced = await os.put(url, { metadata: { env: 'prod', tier: 'a' } });
    expectSchema(schemas.setMetadata!, replaced);
    expect(replaced.body).toEqual({ metadata: { env: 'prod', tier: 'a' } });
    const merged = await os.post(url, { metadata: { tier: 'b', owner: 'ops' } });
    expectSchema(schemas.updateMetadata!, merged);
    expect(merged.body).toEqual({ metadata: { env: 'prod', tier: 'b', owner: 'ops' } });

    const shown = await os.get(`${url}/env`);
    expectSchema(schemas.metadataItem!, shown);
    expect(shown.body).toEqual({ meta: { env: 'prod' } });
    const set = await os.put(`${url}/env`, { meta: { env: 'dev' } });
    expectSchema(schemas.metadataItem!, set);
    expect(set.body).toEqual({ meta: { env: 'dev' } });
    expectSchema(schemas.deleteMetadataItem!, await os.delete(`${url}/owner`));
    expect((await os.get(url)).body).toEqual({ metadata: { env: 'dev', tier: 'b' } });

    expect((await os.get(`${url}/owner`).expect(404)).body).toEqual({ itemNotFound: { code: 404, message: 'Metadata item was not found' } });
    await os.delete(`${url}/owner`).expect(404);
    expect((await os.put(`${url}/env`, { meta: { other: 'x' } }).expect(400)).body.badRequest.message).toBe('Request body and URI mismatch');
    expect((await os.put(`${url}/env`, { meta: { env: 'x', b: 'y' } }).expect(400)).body.badRequest.message).toBe('Request body contains too many items');
    await os.post(url, { metadata: { 'bad/key': 'x' } }).expect(400);
    await os.post(url, { metadata: { long: 'v'.repeat(256) } }).expect(400);
    await os.put(url, { meta: {} }).expect(400);
    const many = Object.fromEntries(Array.from({ length: 129 }, (_, n) => [`k${n}`, 'v']));
    expect((await os.put(url, { metadata: many }).expect(403)).body.forbidden.message).toContain('Quota exceeded for metadata_items');
    expect((await os.get(url)).body).toEqual({ metadata: { env: 'dev', tier: 'b' } });

    engine.advance(5_000);
    await os.post(`/compute/v2.1/servers/${id}/action`, { 'os-stop': null }).expect(202);
    const busy = await os.post(url, { metadata: { x: 'y' } }).expect(409);
    expect(busy.body.conflictingRequest.message).toContain(`Cannot 'update metadata' instance ${id} while it is in task_state powering-off`);
    await os.get('/compute/v2.1/servers/nope/metadata').expect(404);
  });

  it('takes user_data in base64: the guest runs the script on its first boot', async () => {
    const { create, engine, projectId } = await withServer();
    const script = '#!/bin/bash\necho "hello from user data"\n';
    const created = await create({ name: 'scripted', user_data: Buffer.from(script).toString('base64') }).expect(202);
    const id = created.body.server.id as string;
    expect(engine.modules.instances.get(projectId, id).userData).toBe(script);
    engine.advance(5_000);
    const log = async () => (await engine.modules.guests.runCommand(projectId, id, 'cat /var/log/cloud-init-output.log')).stdout;
    await expect.poll(log).toContain('finished at');
    expect((await log()).split('\n')[1]).toBe('hello from user data');
    expect((await create({ user_data: 'not base64!' }).expect(400)).body.badRequest.message).toContain('User data needs to be valid base 64.');
    await create({ user_data: 'A'.repeat(65536) }).expect(400);
  });

  it('answers 400 for wrong types, unknown fields, missing bodies and unknown references', async () => {
    const { os, create } = await withServer();
    const unknown = await create({ colour: 'blue' }).expect(400);
    expect(unknown.body.badRequest.message).toContain("Additional properties are not allowed ('colour' was unexpected)");
    expect((await create({ name: 42 }).expect(400)).body.badRequest.code).toBe(400);
    expect((await os.post('/compute/v2.1/servers', {}).expect(400)).body.badRequest.message).toContain("'server' is a required property");
    expect((await os.post('/compute/v2.1/servers').set('Content-Type', 'application/json').send('{"server":').expect(400)).body).toEqual({
      badRequest: { code: 400, message: 'Malformed request body' },
    });
    await create({ imageRef: 'no-such-image' }).expect(400);
    await create({ flavorRef: 'x9.c99' }).expect(400);
    await create({ key_name: 'nope' }).expect(400);
    await create({ networks: [{ uuid: '00000000-0000-4000-8000-000000000000' }] }).expect(400);
    await create({ security_groups: [{ name: 'nope' }] }).expect(400);
    await create({ metadata: { 'role/x': 'web' } }).expect(400);
    await create({ metadata: { role: 7 } }).expect(400);
    await create({ min_count: 0 }).expect(400);
  });

  it("answers 404 for another project's server and 403 for a quota", async () => {
    const { os, client, app, create, serverId } = await withServer();
    const { issueToken } = await import('../test-support.ts');
    const otherProject = (await client.post('/projects', { name: 'other' }).expect(201)).body.id as string;
    await client.post(`/projects/${otherProject}/compute/activate`).expect(200);
    const other = await issueToken(app, { project: { name: 'other', domain: { name: 'Default' } } });
    const request = (await import('supertest')).default;
    await request(app).get(`/compute/v2.1/servers/${serverId}`).set('X-Auth-Token', other).expect(404);
    await request(app).delete(`/compute/v2.1/servers/${serverId}`).set('X-Auth-Token', other).expect(404);
    const quota = await create({ min_count: 10, max_count: 10 }).expect(403);
    expect(quota.body.forbidden.message).toContain('Quota exceeded');
    expect((await os.get('/compute/v2.1/servers')).body.servers).toHaveLength(1);
  });

  it('advertises only microversion 2.1 and refuses others with 406', async () => {
    const { os } = await openstackTestApi();
    const version = await os.get('/compute/v2.1/').expect(200);
    expect(version.body.version).toMatchObject({ id: 'v2.1', version: '2.1', min_version: '2.1' });
    await os.get('/compute/v2.1/flavors').set('OpenStack-API-Version', 'compute 2.1').expect(200);
    await os.get('/compute/v2.1/flavors').set('OpenStack-API-Version', 'compute latest').expect(200);
    const refused = await os.get('/compute/v2.1/flavors').set('OpenStack-API-Version', 'compute 2.45').expect(406);
    expect(refused.body).toEqual({ computeFault: { code: 406, message: 'Version 2.45 is not supported by the API. Minimum is 2.1 and maximum is 2.1.' } });
  });
});

describe('Nova key pairs, flavors, zones, limits and quotas', () => {
  it('creates a key pair whose private key is returned once, imports, lists, shows and deletes', async () => {
    const { os } = await openstackTestApi();
    const created = await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'generated' } });
    expectSchema(schemas.createKeypair!, created);
    expect(created.body.keypair.private_key).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n/);
    expect(created.body.keypair.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const publicKey = created.body.keypair.public_key as string;
    const imported = await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'imported', public_key: publicKey } });
    expectSchema(schemas.createKeypair!, imported);
    expect(imported.body.keypair.private_key).toBeUndefined();
    const shown = await os.get('/compute/v2.1/os-keypairs/generated');
    expectSchema(schemas.getKeypair!, shown);
    expect(shown.body.keypair.private_key).toBeUndefined();
    const listed = await os.get('/compute/v2.1/os-keypairs');
    expectSchema(schemas.listKeypairs!, listed);
    expect(listed.body.keypairs.map((k: { keypair: { name: string } }) => k.keypair.name).sort()).toEqual(['generated', 'imported']);
    expect((await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'generated' } }).expect(409)).body).toEqual({
      conflictingRequest: { code: 409, message: "Key pair 'generated' already exists." },
    });
    await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'bad', public_key: 'not a key' } }).expect(400);
    await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'x', type: 'ssh' } }).expect(400);
    expectSchema(schemas.deleteKeypair!, await os.delete('/compute/v2.1/os-keypairs/imported'));
    await os.get('/compute/v2.1/os-keypairs/imported').expect(404);
  });

  it('lists flavors, detailed and one by one', async () => {
    const { os } = await openstackTestApi();
    expectSchema(schemas.listFlavors!, await os.get('/compute/v2.1/flavors'));
    const detail = await os.get('/compute/v2.1/flavors/detail');
    expectSchema(schemas.listFlavorsDetail!, detail);
    expect(detail.body.flavors.find((f: { id: string }) => f.id === 'm2.c1m2')).toMatchObject({ name: 'm2.c1m2', ram: 2048, vcpus: 1, disk: 0 });
    const one = await os.get('/compute/v2.1/flavors/m2.c1m2');
    expectSchema(schemas.getFlavor!, one);
    expect((await os.get('/compute/v2.1/flavors/detail?minRam=16384')).body.flavors.map((f: { ram: number }) => f.ram)).toEqual([16384, 16384, 32768]);
    expect((await os.get('/compute/v2.1/flavors?minDisk=0')).body.flavors.length).toBe(detail.body.flavors.length);
    expect((await os.get('/compute/v2.1/flavors?minDisk=1')).body.flavors).toEqual([]);
    await os.get('/compute/v2.1/flavors/nope').expect(404);
  });

  it('lists availability zones, limits and the quota set with usage', async () => {
    const { os, projectId, create } = await withServer();
    await create({ name: 'second' }).expect(202);
    expectSchema(schemas.zones!, await os.get('/compute/v2.1/os-availability-zone'));
    const zones = await os.get('/compute/v2.1/os-availability-zone/detail');
    expectSchema(schemas.zonesDetail!, zones);
    expect(zones.body.availabilityZoneInfo.map((z: { zoneName: string }) => z.zoneName)).toEqual(['kr-pub-a', 'kr-pub-b']);
    const limits = await os.get('/compute/v2.1/limits');
    expectSchema(schemas.limits!, limits);
    expect(limits.body.limits.absolute).toMatchObject({ maxTotalInstances: 10, totalInstancesUsed: 2, totalCoresUsed: 2, totalRAMUsed: 4096 });
    const quota = await os.get(`/compute/v2.1/os-quota-sets/${projectId}`);
    expectSchema(schemas.quotaSet!, quota);
    expect(quota.body.quota_set).toMatchObject({ id: projectId, instances: 10, cores: 20, key_pairs: 20 });
    await os.get('/compute/v2.1/os-quota-sets/someone-else').expect(403);
  });
});

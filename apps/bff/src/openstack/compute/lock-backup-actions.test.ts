import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSchema, issueToken, openstackTestApi, tempestSchemas } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

let schemas: ReturnType<typeof tempestSchemas>;
beforeAll(() => {
  schemas = tempestSchemas({
    listActions: 'servers.list_instance_actions',
    showAction: 'servers.show_instance_action',
  });
}, 30_000);

/** The admin's project `demo` with a non-admin member `ann`, and an ACTIVE server `web` she created. */
async function memberServer() {
  const api = await openstackTestApi();
  await api.client.post('/users', { username: 'ann', password: 'ann-password-1' }).expect(201);
  await api.client.put(`/projects/${api.projectId}/members`, { username: 'ann', role: 'member' }).expect(200);
  const annToken = await issueToken(api.app, { project: { id: api.projectId } }, { name: 'ann', domain: { name: 'Default' }, password: 'ann-password-1' });
  const ann = {
    get: (path: string) => request(api.app).get(path).set('X-Auth-Token', annToken),
    post: (path: string, body?: unknown) => request(api.app).post(path).set('X-Auth-Token', annToken).send(body as object),
    delete: (path: string) => request(api.app).delete(path).set('X-Auth-Token', annToken),
  };
  await ann.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
  const created = await ann.post('/compute/v2.1/servers', { server: { name: 'web', imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'k' } }).expect(202);
  api.engine.advance(5_000);
  const serverId = created.body.server.id as string;
  return { ...api, ann, serverId, createRequestId: created.headers['x-compute-request-id'] as string };
}

describe('Nova lock / unlock', () => {
  it("refuses a locked server's actions to a non-admin with Nova's 409, and lets them through once unlocked", async () => {
    const { ann, os, serverId, engine, projectId, client } = await memberServer();
    const action = (body: unknown) => ann.post(`/compute/v2.1/servers/${serverId}/action`, body);
    await action({ lock: null }).expect(202);
    expect(engine.modules.instances.get(projectId, serverId).locked).toMatchObject({ byAdmin: false, reason: null });
    const refused = await action({ 'os-stop': null });
    expect(refused.status).toBe(409);
    expect(refused.body.conflictingRequest.message).toBe(`Instance ${serverId} is locked`);
    expect((await ann.delete(`/compute/v2.1/servers/${serverId}`)).status).toBe(409);
    expect((await action({ reboot: { type: 'HARD' } })).status).toBe(409);
    expect(engine.modules.instances.get(projectId, serverId).status).toBe('ACTIVE');
    // The console shows the lock.
    expect((await client.get(`/projects/${projectId}/instances/${serverId}`).expect(200)).body).toMatchObject({ locked: true });
    // An administrator acts on a locked server (Nova's default policy).
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { 'os-stop': null }).expect(202);
    engine.advance(5_000);
    await action({ unlock: null }).expect(202);
    await action({ 'os-start': null }).expect(202);
    await action({ lock: { bogus: 1 } }).expect(400);
  });

  it('keeps what an administrator locked locked for a non-admin (403)', async () => {
    const { ann, os, serverId } = await memberServer();
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { lock: { locked_reason: 'maintenance' } }).expect(202);
    const refused = await ann.post(`/compute/v2.1/servers/${serverId}/action`, { unlock: null });
    expect(refused.status).toBe(403);
    await os.post(`/compute/v2.1/servers/${serverId}/action`, { unlock: null }).expect(202);
    await ann.post(`/compute/v2.1/servers/${serverId}/action`, { 'os-stop': null }).expect(202);
  });
});

describe('Nova createBackup', () => {
  it('saves backups as images of type backup and keeps only the newest `rotation` of them', async () => {
    const { ann, serverId, engine } = await memberServer();
    const backup = async (name: string) => {
      const answer = await ann.post(`/compute/v2.1/servers/${serverId}/action`, { createBackup: { name, backup_type: 'daily', rotation: 2 } }).expect(202);
      engine.advance(20_000);
      return String(answer.headers.location).split('/').pop()!;
    };
    const listed = async () =>
      (await ann.get(`/image/v2/images?image_type=backup&backup_type=daily&instance_uuid=${serverId}&status=active&sort_key=created_at&sort_dir=asc`)).body.images.map(
        (image: { name: string }) => image.name,
      );
    const first = await backup('b1');
    engine.advance(1_000);
    await backup('b2');
    expect(await listed()).toEqual(['b1', 'b2']);
    engine.advance(1_000);
    await backup('b3');
    expect(await listed()).toEqual(['b2', 'b3']);
    expect((await ann.get(`/image/v2/images/${first}`)).status).toBe(404);
    await ann.post(`/compute/v2.1/servers/${serverId}/action`, { createBackup: { name: 'x', backup_type: 'daily', rotation: -1 } }).expect(400);
    await ann.post(`/compute/v2.1/servers/${serverId}/action`, { createBackup: { name: 'x', rotation: 1 } }).expect(400);
  });
});

describe('Nova os-instance-actions', () => {
  it("lists the server's actions from the activity log, each under the request id Nova answered", async () => {
    const { ann, serverId, createRequestId, engine } = await memberServer();
    const reboot = await ann.post(`/compute/v2.1/servers/${serverId}/action`, { reboot: { type: 'HARD' } }).expect(202);
    engine.advance(10_000);
    // A rename and a refused action are no instance actions.
    await ann.post(`/compute/v2.1/servers/${serverId}/action`, { 'os-start': null }).expect(409);
    const listed = await ann.get(`/compute/v2.1/servers/${serverId}/os-instance-actions`);
    expectSchema(schemas.listActions!, listed);
    expect(listed.body.instanceActions.map((a: { action: string; request_id: string }) => [a.action, a.request_id]).sort()).toEqual(
      [
        ['create', createRequestId],
        ['reboot', reboot.headers['x-compute-request-id'] as string],
      ].sort(),
    );
    const shown = await ann.get(`/compute/v2.1/servers/${serverId}/os-instance-actions/${createRequestId}`);
    expectSchema(schemas.showAction!, shown);
    expect(shown.body.instanceAction).toMatchObject({ action: 'create', instance_uuid: serverId, request_id: createRequestId, message: null });
    expect((await ann.get(`/compute/v2.1/servers/${serverId}/os-instance-actions/req-nope`)).status).toBe(404);
    expect((await ann.get('/compute/v2.1/servers/00000000-0000-4000-8000-000000000000/os-instance-actions')).status).toBe(404);
  });
});

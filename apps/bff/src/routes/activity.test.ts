import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { issueToken, openstackTestApi } from '../openstack/test-support.ts';
import { computeTestApi } from '../test-support/compute-project.ts';
import { login } from '../test-support/test-api.ts';

describe('the activity log API', () => {
  it('lists each change with its user, request id and result; a long action turns done', async () => {
    const { engine, app, client, base, projectId, createInstances } = await computeTestApi();
    await client.post('/users', { username: 'kim', password: 'kim-password' }).expect(201);
    await client.put(`/projects/${projectId}/members`, { username: 'kim', role: 'member' }).expect(200);
    const kim = await login(app, 'kim', 'kim-password');

    const [web] = await createInstances({ name: 'web' });
    const created = await kim.agent
      .post(`/api${base}/security-groups`)
      .set('X-CSRF-Token', kim.csrfToken)
      .set('X-Request-Id', 'req-kim-1')
      .send({ name: 'web-sg', description: '' })
      .expect(201);

    const log = (await client.get(`${base}/activity`).expect(200)).body;
    const instanceLine = log.items.find((line: { resourceId: string }) => line.resourceId === web.id);
    expect(instanceLine).toMatchObject({ userName: 'admin', action: 'create', resourceKind: 'instance', resourceName: 'web', result: 'accepted', source: 'console' });
    expect(log.items[0]).toMatchObject({
      userName: 'kim',
      action: 'create',
      resourceKind: 'security-group',
      resourceId: created.body.id,
      resourceName: 'web-sg',
      result: 'done',
      requestId: 'req-kim-1',
    });

    engine.advance(5_000);
    const done = (await client.get(`${base}/activity?resourceId=${web.id}`).expect(200)).body.items;
    expect(done.map((line: { action: string; result: string }) => [line.action, line.result])).toEqual([['create', 'done']]);
  });

  it('writes a refused request as failed with the reason, and filters by user, kind and action', async () => {
    const { client, base, instanceRequest } = await computeTestApi();
    await client.put(`${base}/quotas`, { instances: 0 }).expect(200);
    await client.post(`${base}/instances`, instanceRequest({ name: 'too-many' })).expect(409);
    const failed = (await client.get(`${base}/activity?resourceKind=instance&action=create&user=admin`).expect(200)).body;
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({
      result: 'failed',
      reason: 'Quota exceeded for instances (limit 0): this needs 1, but only 0 of 0 are left',
      userName: 'admin',
    });
    expect((await client.get(`${base}/activity?user=nobody`).expect(200)).body.total).toBe(0);
    expect((await client.get(`${base}/activity?from=yesterday`).expect(400)).body.error).toMatchObject({ field: 'from', message: 'from must be a date and time (ISO 8601)' });
  });

  it('attributes changes made through the OpenStack APIs to the token user', async () => {
    const { app, client, base, projectId } = await computeTestApi();
    const token = await issueToken(app, { project: { id: projectId } });
    await request(app).post('/compute/v2.1/os-keypairs').set('X-Auth-Token', token).set('X-Request-Id', 'req-os-1').send({ keypair: { name: 'cli-key' } }).expect(200);
    const line = (await client.get(`${base}/activity?resourceKind=key-pair&action=create`).expect(200)).body.items.find((l: { resourceName: string }) => l.resourceName === 'cli-key');
    expect(line).toMatchObject({ userName: 'admin', source: 'compute', requestId: 'req-os-1', result: 'done' });
  });

  it('names Nova server actions and writes a refused Nova create as failed with its reason', async () => {
    const { engine, client, projectId, os } = await openstackTestApi();
    const base = `/projects/${projectId}`;
    await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'my_keypair' } }).expect(200);
    const server = { name: 'cli-web', imageRef: '6f1c0a00-0000-4000-8000-000000002204', flavorRef: 'm2.c1m2', key_name: 'my_keypair' };
    const id = (await os.post('/compute/v2.1/servers', { server }).expect(202)).body.server.id as string;
    engine.advance(5_000);
    await os.post(`/compute/v2.1/servers/${id}/action`, { 'os-stop': null }).expect(202);
    engine.advance(10_000);
    await client.put(`${base}/quotas`, { instances: 1 }).expect(200);
    await os.post('/compute/v2.1/servers', { server: { ...server, name: 'cli-more' } }).expect(403);

    const lines = (await client.get(`${base}/activity?resourceKind=instance`).expect(200)).body.items as { action: string; result: string; source: string; resourceName: string | null; reason: string | null }[];
    expect(lines.map((l) => [l.action, l.result, l.source, l.resourceName])).toEqual([
      ['create', 'failed', 'compute', null],
      ['stop', 'done', 'compute', 'cli-web'],
      ['create', 'done', 'compute', 'cli-web'],
    ]);
    expect(lines[0]!.reason).toBe('Quota exceeded for instances (limit 1): this needs 1, but only 0 of 1 are left');
  });

  it('pages newest first and exports the same filter as CSV', async () => {
    const { client, base } = await computeTestApi();
    for (const name of ['a', 'b', 'c']) await client.post(`${base}/security-groups`, { name, description: '=cmd' }).expect(201);
    const page = (await client.get(`${base}/activity?resourceKind=security-group&limit=2&offset=1`).expect(200)).body;
    // The fourth is the `default` group the activation created, by the same user.
    expect(page.total).toBe(4);
    expect(page.items.map((l: { resourceName: string }) => l.resourceName)).toEqual(['b', 'a']);
    const csv = await client.get(`${base}/activity.csv?resourceKind=security-group`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('at,userName,action,resourceKind,resourceId,resourceName,result,reason,requestId,source,finishedAt');
    expect(rows.slice(1).map((row) => row.split(',').slice(1, 4).concat(row.split(',')[5]!))).toEqual([
      ['admin', 'create', 'security-group', 'c'],
      ['admin', 'create', 'security-group', 'b'],
      ['admin', 'create', 'security-group', 'a'],
      ['admin', 'create', 'security-group', 'default'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { computeTestApi, IMAGES } from '../test-support/compute-project.ts';
import { login } from '../test-support/test-api.ts';

describe('instances', () => {
  it('build over simulated time: BUILD, then ACTIVE with a private IP from 192.168.0.4', async () => {
    const { client, base, createInstances, engine } = await computeTestApi();
    const [instance] = await createInstances();
    expect(instance).toMatchObject({ name: 'web', status: 'BUILD', privateIp: '192.168.0.4', floatingIp: null });
    engine.advance(4_999);
    expect((await client.get(`${base}/instances/${instance.id}`)).body.status).toBe('BUILD');
    engine.advance(1);
    expect((await client.get(`${base}/instances/${instance.id}`)).body).toMatchObject({ status: 'ACTIVE', powerState: 'RUNNING' });
  });

  it('names several instances name-1, name-2 with distinct addresses', async () => {
    const { createInstances } = await computeTestApi();
    const created = await createInstances({ count: 3 });
    expect(created.map((i: { name: string }) => i.name)).toEqual(['web-1', 'web-2', 'web-3']);
    expect(new Set(created.map((i: { privateIp: string }) => i.privateIp)).size).toBe(3);
  });

  it('never shares an address between concurrent creates, and reuses released ones', async () => {
    const { client, base, createInstances, instanceRequest, engine } = await computeTestApi();
    const responses = await Promise.all(Array.from({ length: 8 }, (_, n) => client.post(`${base}/instances`, instanceRequest({ name: `c${n}`, flavorId: 't2.c1m1' }))));
    const ips = responses.map((r) => r.body.items[0].privateIp);
    expect(new Set(ips).size).toBe(8);
    engine.advance(5_000);
    const first = responses[0]!.body.items[0];
    await client.delete(`${base}/instances/${first.id}`).expect(202);
    engine.advance(2_000);
    const [again] = await createInstances({ name: 'again', flavorId: 't2.c1m1' });
    expect(again.privateIp).toBe(first.privateIp);
  });

  it('validates every field with a message beside it', async () => {
    const { client, base, instanceRequest } = await computeTestApi();
    const cases: [object, string, RegExp][] = [
      [{ name: '' }, 'name', /name/i],
      [{ name: 'bad name!' }, 'name', /letters/],
      [{ count: 0 }, 'count', /at least 1/],
      [{ count: 11 }, 'count', /at most 10/],
      [{ rootDiskGb: 10 }, 'rootDiskGb', /20–1024 GB/],
      [{ rootDiskGb: 2000 }, 'rootDiskGb', /1 TB/],
      [{ zone: 'kr-pub-z' }, 'zone', /kr-pub-a/],
      [{ flavorId: 'x9.c1m1' }, 'flavorId', /No flavor/],
      [{ imageId: 'nope' }, 'imageId', /No image/],
      [{ keyName: 'missing' }, 'keyName', /No key pair/],
      [{ securityGroupIds: [] }, 'securityGroupIds', /at least one/],
      [{ securityGroupIds: ['nope'] }, 'securityGroupIds', /No security group/],
      [{ imageId: IMAGES.windows, rootDiskGb: 50, flavorId: 't2.c1m1' }, 'flavorId', /at least 2 GB of RAM/],
      [{ imageId: IMAGES.windows, rootDiskGb: 20, flavorId: 'm2.c2m4' }, 'rootDiskGb', /50–1024/],
      [{ userData: `#!/bin/bash\n${'#'.repeat(64 * 1024)}` }, 'userData', /^User data is at most 64 KiB$/],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await client.post(`${base}/instances`, instanceRequest(overrides)).expect(400);
      expect(response.body.error.field, JSON.stringify(overrides)).toBe(field);
      expect(response.body.error.message).toMatch(message);
    }
  });

  it('refuses what exceeds the quota, creating none of the batch', async () => {
    const { client, base, createInstances, instanceRequest } = await computeTestApi();
    await createInstances({ count: 8, flavorId: 't2.c1m1' });
    const response = await client.post(`${base}/instances`, instanceRequest({ count: 3, flavorId: 't2.c1m1' })).expect(409);
    expect(response.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', field: 'count' });
    expect(response.body.error.message).toMatch(/only 2 of 10/);
    expect((await client.get(`${base}/instances`)).body.total).toBe(8);
    const quotas = (await client.get(`${base}/quotas`)).body;
    expect(quotas.instances).toEqual({ limit: 10, used: 8 });
  });

  it('refuses invalid transitions with 409 naming the instance, action and state', async () => {
    const { client, base, createInstances, engine } = await computeTestApi();
    const [instance] = await createInstances();
    const early = await client.post(`${base}/instances/${instance.id}/actions`, { action: 'stop' }).expect(409);
    expect(early.body.error.message).toBe('Cannot stop instance web while it is BUILD');
    // Deleting a building instance is a conflict, refused cleanly; only its name and description change meanwhile.
    expect((await client.get(`${base}/instances/${instance.id}`)).body.allowedActions).toEqual(['update']);
    await client.delete(`${base}/instances/${instance.id}`).expect(409);
    engine.advance(5_000);
    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'start' }).expect(409);
    const stopping = await client.post(`${base}/instances/${instance.id}/actions`, { action: 'stop' }).expect(202);
    expect(stopping.body.allowedActions).toEqual([]);
    const busy = await client.post(`${base}/instances/${instance.id}/actions`, { action: 'reboot' }).expect(409);
    expect(busy.body.error.message).toBe('Cannot reboot instance web while it is powering-off');
    engine.advance(3_000);
    const stopped = (await client.get(`${base}/instances/${instance.id}`)).body;
    expect(stopped).toMatchObject({ status: 'SHUTOFF', powerState: 'SHUTDOWN' });
    expect(stopped.allowedActions).toEqual(expect.arrayContaining(['start', 'delete', 'create_image']));
    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'start' }).expect(202);
    engine.advance(3_000);
    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'reboot' }).expect(202);
    expect((await client.get(`${base}/instances/${instance.id}`)).body.status).toBe('REBOOT');
    engine.advance(4_000);
    expect((await client.get(`${base}/instances/${instance.id}`)).body.status).toBe('ACTIVE');
    const history = (await client.get(`${base}/instances/${instance.id}/history`)).body.items.map((e: { status: string }) => e.status);
    expect(history).toEqual(['BUILD', 'ACTIVE', 'ACTIVE', 'SHUTOFF', 'SHUTOFF', 'ACTIVE', 'REBOOT', 'ACTIVE']);
  });

  it('hard reboot: HARD_REBOOT, then ACTIVE; offered from SHUTOFF, refused while a task runs', async () => {
    const { client, base, createInstances, engine } = await computeTestApi();
    const [instance] = await createInstances();
    const early = await client.post(`${base}/instances/${instance.id}/actions`, { action: 'hard-reboot' }).expect(409);
    expect(early.body.error.message).toBe('Cannot hard reboot instance web while it is BUILD');
    engine.advance(5_000);
    const active = (await client.get(`${base}/instances/${instance.id}`)).body;
    expect(active.allowedActions).toEqual(['stop', 'reboot', 'hard-reboot', 'resize', 'rebuild', 'delete', 'create_image', 'change_security_groups', 'update']);

    const rebooting = await client.post(`${base}/instances/${instance.id}/actions`, { action: 'hard-reboot' }).expect(202);
    expect(rebooting.body).toMatchObject({ status: 'HARD_REBOOT', taskState: null, powerState: 'RUNNING', allowedActions: ['update'] });
    engine.advance(3_000);
    expect((await client.get(`${base}/instances/${instance.id}`)).body).toMatchObject({ status: 'ACTIVE', powerState: 'RUNNING' });

    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'stop' }).expect(202);
    const busy = await client.post(`${base}/instances/${instance.id}/actions`, { action: 'hard-reboot' }).expect(409);
    expect(busy.body.error.message).toBe('Cannot hard reboot instance web while it is powering-off');
    engine.advance(3_000);
    expect((await client.get(`${base}/instances/${instance.id}`)).body.allowedActions).toEqual(['start', 'hard-reboot', 'resize', 'rebuild', 'delete', 'create_image', 'change_security_groups', 'update']);
    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'hard-reboot' }).expect(202);
    engine.advance(3_000);
    const history = (await client.get(`${base}/instances/${instance.id}/history`)).body.items.map((e: { status: string; message: string }) => `${e.status}: ${e.message}`);
    expect(history.slice(-2)).toEqual(['HARD_REBOOT: hard reboot requested', 'ACTIVE: Status HARD_REBOOT → ACTIVE']);

    const unknown = await client.post(`${base}/instances/${instance.id}/actions`, { action: 'hard_reboot' }).expect(400);
    expect(unknown.body.error.message).toBe('Action is one of stop, start, reboot, hard-reboot');
  });

  it('PATCH renames, describes and retags an instance; the guest keeps its hostname', async () => {
    const { client, base, createInstances, engine, projectId } = await computeTestApi();
    const [instance] = await createInstances();
    expect(instance).toMatchObject({ description: '', metadata: {} });
    engine.advance(5_000);
    const hostname = async () => (await engine.modules.guests.runCommand(projectId, instance.id, 'hostname')).stdout;
    const before = await hostname();

    const renamed = await client
      .patch(`${base}/instances/${instance.id}`, { name: 'api', description: 'the API server', metadata: { env: 'prod', team: 'core' } })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'api', description: 'the API server', metadata: { env: 'prod', team: 'core' }, status: 'ACTIVE' });
    expect((await client.get(`${base}/instances`)).body.items.map((i: { name: string }) => i.name)).toEqual(['api']);
    expect(await hostname()).toEqual(before);

    const untagged = await client.patch(`${base}/instances/${instance.id}`, { metadata: { env: 'prod' } }).expect(200);
    expect(untagged.body).toMatchObject({ name: 'api', description: 'the API server', metadata: { env: 'prod' } });
    const history = (await client.get(`${base}/instances/${instance.id}/history`)).body.items.map((e: { message: string }) => e.message);
    expect(history.slice(-2)).toEqual(['Renamed web → api; Description changed; Metadata set env, team', 'Metadata removed team']);
  });

  it('PATCH refuses bad names, descriptions and metadata beside the field, and changes nothing', async () => {
    const { client, base, createInstances, engine } = await computeTestApi();
    const [instance] = await createInstances();
    const cases: [object, string, string, object?][] = [
      [{ name: 'bad name!' }, 'name', 'Use letters, digits, ".", "_" and "-", starting with a letter or digit'],
      [{ name: 'x'.repeat(64) }, 'name', 'Instance names have at most 63 characters'],
      [{ description: 'd'.repeat(256) }, 'description', 'Descriptions have at most 255 characters'],
      [{ metadata: { 'bad/key': 'v' } }, 'metadata.bad/key', 'Metadata key "bad/key" may contain only letters, digits, spaces and - _ : .'],
      [{ metadata: { k: 'v'.repeat(256) } }, 'metadata.k', 'The value of "k" has more than 255 characters'],
      [{ metadata: Object.fromEntries(Array.from({ length: 129 }, (_, n) => [`k${n}`, 'v'])) }, 'metadata', 'An instance has at most 128 metadata items'],
      [{ metadata: { k: 1 } }, 'metadata.k', 'Metadata values are text'],
      [{ status: 'ACTIVE' }, 'status', 'Unknown field status', { messageCode: 'input.unknownField', params: { fields: 'status' } }],
    ];
    for (const [body, field, message, coded] of cases) {
      const response = await client.patch(`${base}/instances/${instance.id}`, body).expect(400);
      // Validation errors also carry the zod message code (`input.*`); the field and English text are what this checks.
      expect(response.body.error, JSON.stringify(body).slice(0, 80)).toMatchObject({ code: 'INVALID_INPUT', field, message, ...coded });
    }
    expect((await client.get(`${base}/instances/${instance.id}`)).body).toMatchObject({ name: 'web', description: '', metadata: {} });

    // Renaming during BUILD is allowed (as in Nova); during a task in flight it is a 409.
    await client.patch(`${base}/instances/${instance.id}`, { name: 'early' }).expect(200);
    engine.advance(5_000);
    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'stop' }).expect(202);
    const busy = await client.patch(`${base}/instances/${instance.id}`, { name: 'late' }).expect(409);
    expect(busy.body.error.message).toBe('Cannot update instance early while it is powering-off');
    await client.patch(`${base}/instances/nope`, { name: 'x' }).expect(404);
  });

  it('bulk actions report per instance', async () => {
    const { client, base, createInstances, engine } = await computeTestApi();
    const [a, b] = await createInstances({ count: 2 });
    engine.advance(5_000);
    await client.post(`${base}/instances/${a.id}/actions`, { action: 'stop' }).expect(202);
    const response = await client.post(`${base}/instances/bulk-actions`, { action: 'stop', instanceIds: [a.id, b!.id] }).expect(200);
    expect(response.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([false, true]);
  });

  it('deleting frees the address and the floating IP association', async () => {
    const { client, base, createInstances, engine } = await computeTestApi();
    const [instance] = await createInstances();
    engine.advance(5_000);
    const fip = (await client.post(`${base}/floating-ips`).expect(201)).body;
    await client.post(`${base}/floating-ips/${fip.id}/associate`, { portId: instance.portId }).expect(200);
    expect((await client.get(`${base}/instances/${instance.id}`)).body.floatingIp).toBe(fip.address);
    await client.delete(`${base}/instances/${instance.id}`).expect(202);
    engine.advance(2_000);
    await client.get(`${base}/instances/${instance.id}`).expect(404);
    const after = (await client.get(`${base}/floating-ips`)).body.items[0];
    expect(after).toMatchObject({ address: fip.address, status: 'DOWN', portId: null });
  });

  it('a viewer can read but not create', async () => {
    const { client, base, instanceRequest, app, projectId } = await computeTestApi();
    await client.post('/users', { username: 'watcher', password: 'watcher-pass' }).expect(201);
    await client.put(`/projects/${projectId}/members`, { username: 'watcher', role: 'viewer' }).expect(200);
    const viewer = await login(app, 'watcher', 'watcher-pass');
    await viewer.get(`${base}/instances`).expect(200);
    const refused = await viewer.post(`${base}/instances`, instanceRequest()).expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });
});

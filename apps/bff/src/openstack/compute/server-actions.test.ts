import { beforeAll, describe, expect, it } from 'vitest';
import { expectSchema, openstackTestApi, tempestSchemas } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';
const CENTOS_7 = '6f1c0a00-0000-4000-8000-000000000007';

let schemas: ReturnType<typeof tempestSchemas>;
beforeAll(() => {
  schemas = tempestSchemas({
    action: 'servers.server_actions_common_schema',
    confirmResize: 'servers.server_actions_confirm_resize',
    rebuild: 'servers.rebuild_server',
    consoleOutput: 'servers.get_console_output',
    getServer: 'servers.get_server',
  });
}, 30_000);

/** One ACTIVE server `web` (Ubuntu, m2.c1m2) with user data that prints a line. */
async function activeServer() {
  const api = await openstackTestApi();
  await api.os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'my_keypair' } }).expect(200);
  const userData = Buffer.from('#!/bin/bash\necho hello-from-user-data\n').toString('base64');
  const created = await api.os
    .post('/compute/v2.1/servers', { server: { name: 'web', imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'my_keypair', user_data: userData } })
    .expect(202);
  api.engine.advance(5_000);
  const serverId = created.body.server.id as string;
  const action = (body: unknown) => api.os.post(`/compute/v2.1/servers/${serverId}/action`, body);
  const server = async () => (await api.os.get(`/compute/v2.1/servers/${serverId}`)).body.server;
  return { ...api, serverId, action, server };
}

describe('Nova resize, confirmResize, revertResize', () => {
  it('resize → VERIFY_RESIZE (vm_state resized, no task) → confirmResize 204 → ACTIVE on the new flavor', async () => {
    const { engine, action, server, os, serverId } = await activeServer();
    expectSchema(schemas.action!, await action({ resize: { flavorRef: 'm2.c2m4' } }));
    expect(await server()).toMatchObject({ status: 'RESIZE', 'OS-EXT-STS:task_state': 'resize_migrating' });
    engine.advance(4_000);
    const verify = await os.get(`/compute/v2.1/servers/${serverId}`);
    expectSchema(schemas.getServer!, verify);
    expect(verify.body.server).toMatchObject({ status: 'VERIFY_RESIZE', 'OS-EXT-STS:vm_state': 'resized', 'OS-EXT-STS:task_state': null, flavor: { id: 'm2.c2m4' } });
    expectSchema(schemas.confirmResize!, await action({ confirmResize: null }));
    engine.advance(1_000);
    expect(await server()).toMatchObject({ status: 'ACTIVE', flavor: { id: 'm2.c2m4' } });
  });

  it('revertResize returns to the old flavor', async () => {
    const { engine, action, server } = await activeServer();
    await action({ resize: { flavorRef: 'm2.c4m8' } }).expect(202);
    engine.advance(4_000);
    await action({ revertResize: {} }).expect(202);
    expect((await server()).status).toBe('REVERT_RESIZE');
    engine.advance(3_000);
    expect(await server()).toMatchObject({ status: 'ACTIVE', flavor: { id: 'm2.c1m2' } });
  });

  it("refuses the same flavor with Nova's 400, and confirm outside VERIFY_RESIZE with 409", async () => {
    const { action, server } = await activeServer();
    expect((await action({ resize: { flavorRef: 'm2.c1m2' } }).expect(400)).body.badRequest.message).toBe('When resizing, instances must change flavor!');
    expect((await action({ resize: { flavorRef: 'nope' } }).expect(400)).body.badRequest.message).toBe('No flavor nope');
    expect((await action({ confirmResize: null }).expect(409)).body.conflictingRequest.message).toMatch(/^Cannot 'confirmResize' instance .+ while it is in vm_state active/);
    expect(await server()).toMatchObject({ status: 'ACTIVE', flavor: { id: 'm2.c1m2' } });
  });
});

describe('Nova rebuild', () => {
  it('answers the server (no adminPass: keys only); REBUILD then ACTIVE with the new image, same id and address', async () => {
    const { engine, action, server, serverId } = await activeServer();
    const before = await server();
    const rebuilt = await action({ rebuild: { imageRef: CENTOS_7, name: 'web2' } });
    expectSchema(schemas.rebuild!, rebuilt);
    expect(rebuilt.body.server).toMatchObject({ id: serverId, name: 'web2', status: 'REBUILD', image: { id: CENTOS_7 } });
    engine.advance(4_000);
    const after = await server();
    expect(after).toMatchObject({ id: serverId, name: 'web2', status: 'ACTIVE', image: { id: CENTOS_7 } });
    expect(after.addresses).toEqual(before.addresses);
  });
});

describe('Nova os-getConsoleOutput', () => {
  it('returns the boot messages and the user data output; length keeps the last lines', async () => {
    const { action } = await activeServer();
    await expect.poll(async () => (await action({ 'os-getConsoleOutput': {} })).body.output).toContain('Cloud-init v. 22.1 finished at');
    const all = await action({ 'os-getConsoleOutput': { length: null } });
    expectSchema(schemas.consoleOutput!, all);
    expect(all.body.output).toContain('smpboot: Allowing 1 CPUs');
    expect(all.body.output).toContain('hello-from-user-data\n');
    // Nova's tail: the empty piece after the final newline counts as a line (Tempest counts so).
    const tail = await action({ 'os-getConsoleOutput': { length: '3' } });
    expect(tail.body.output).toMatch(/^hello-from-user-data\nCloud-init v\. 22\.1 finished at .+\n$/);
    expect(tail.body.output.split('\n')).toHaveLength(3);
    expect((await action({ 'os-getConsoleOutput': { length: 'x' } }).expect(400)).body.badRequest.message).toMatch(/length/);
  });
});

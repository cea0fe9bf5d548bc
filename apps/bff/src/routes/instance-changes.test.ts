import { describe, expect, it } from 'vitest';
import { computeTestApi, IMAGES } from '../test-support/compute-project.ts';

/** One ACTIVE Ubuntu instance `web` (m2.c1m2) through the console API. */
async function activeWeb(overrides: object = {}) {
  const api = await computeTestApi();
  const [instance] = await api.createInstances(overrides);
  api.engine.advance(5_000);
  const url = `${api.base}/instances/${instance.id}`;
  return { ...api, instance, url };
}

describe('resize through the console API', () => {
  it('RESIZE → VERIFY_RESIZE (with the flavor to revert to) → confirm → ACTIVE on the new flavor', async () => {
    const { client, engine, url } = await activeWeb();
    const resizing = await client.post(`${url}/resize`, { flavorId: 'm2.c2m4' }).expect(202);
    expect(resizing.body).toMatchObject({ status: 'RESIZE', flavorId: 'm2.c2m4', vcpus: 2, ramMb: 4096, resizeFromFlavorId: 'm2.c1m2', allowedActions: ['update'] });
    engine.advance(4_000);
    expect((await client.get(url)).body).toMatchObject({ status: 'VERIFY_RESIZE', allowedActions: ['confirm_resize', 'revert_resize', 'delete', 'update'] });
    await client.post(`${url}/confirm-resize`, {}).expect(202);
    engine.advance(1_000);
    expect((await client.get(url)).body).toMatchObject({ status: 'ACTIVE', flavorId: 'm2.c2m4', resizeFromFlavorId: null });
  });

  it('revert returns to the old flavor', async () => {
    const { client, engine, url } = await activeWeb();
    await client.post(`${url}/resize`, { flavorId: 'm2.c4m8' }).expect(202);
    engine.advance(4_000);
    expect((await client.post(`${url}/revert-resize`, {}).expect(202)).body.status).toBe('REVERT_RESIZE');
    engine.advance(3_000);
    expect((await client.get(url)).body).toMatchObject({ status: 'ACTIVE', flavorId: 'm2.c1m2', vcpus: 1 });
  });

  it('bad input gets a precise 400/409 and changes nothing', async () => {
    const { client, url } = await activeWeb();
    const before = (await client.get(url)).body;
    const same = await client.post(`${url}/resize`, { flavorId: 'm2.c1m2' }).expect(400);
    expect(same.body.error).toMatchObject({ field: 'flavorId', message: 'Instance web already has flavor m2.c1m2; choose another flavor' });
    const missing = await client.post(`${url}/resize`, {}).expect(400);
    expect(missing.body.error).toMatchObject({ field: 'flavorId', message: 'Choose a flavor' });
    const confirm = await client.post(`${url}/confirm-resize`, {}).expect(409);
    expect(confirm.body.error.message).toBe('Cannot confirm resize instance web while it is ACTIVE');
    expect((await client.get(url)).body).toEqual(before);
  });
});

describe('rebuild through the console API', () => {
  it('keeps id, name and private IP; the image changes', async () => {
    const { client, engine, url, instance } = await activeWeb();
    const rebuilding = await client.post(`${url}/rebuild`, { imageId: IMAGES.centos7 }).expect(202);
    expect(rebuilding.body).toMatchObject({ status: 'REBUILD', imageId: IMAGES.centos7 });
    engine.advance(4_000);
    expect((await client.get(url)).body).toMatchObject({ id: instance.id, name: 'web', status: 'ACTIVE', privateIp: instance.privateIp, imageId: IMAGES.centos7 });
  });

  it('refuses an unknown image with 400 beside the field', async () => {
    const { client, url } = await activeWeb();
    const response = await client.post(`${url}/rebuild`, { imageId: 'nope' }).expect(400);
    expect(response.body.error).toMatchObject({ field: 'imageId', message: 'No image with id nope' });
    expect((await client.get(url)).body.status).toBe('ACTIVE');
  });
});

describe('console log', () => {
  it('shows boot messages and the user script output, live until cloud-init finishes; lines keeps the tail', async () => {
    const { client, engine, base, createInstances } = await computeTestApi();
    const [instance] = await createInstances({ userData: '#!/bin/bash\necho user-data-says-hello\n' });
    const url = `${base}/instances/${instance.id}/console-log`;
    expect((await client.get(url).expect(200)).body).toEqual({ output: '', live: true });
    engine.advance(5_000);
    await expect.poll(async () => (await client.get(url)).body.live).toBe(false);
    const { output } = (await client.get(url)).body;
    expect(output).toContain('smpboot: Allowing 1 CPUs');
    expect(output).toContain('user-data-says-hello\n');
    expect((await client.get(`${url}?lines=3`)).body.output).toMatch(/^user-data-says-hello\nCloud-init v\. 22\.1 finished at .+\n$/);
    const bad = await client.get(`${url}?lines=0`).expect(400);
    expect(bad.body.error).toMatchObject({ field: 'lines', message: 'lines is at least 1' });
  });
});

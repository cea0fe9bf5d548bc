import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { computeTestApi } from '../test-support/compute-project.ts';
import { openstackTestApi } from '../openstack/test-support.ts';
import { login } from '../test-support/test-api.ts';

describe('project quotas', () => {
  it('an administrator lowers the instance quota and the next launch is refused naming the limit', async () => {
    const { client, base, createInstances, instanceRequest } = await computeTestApi();
    await createInstances({ name: 'web', count: 2 });
    const lowered = await client.put(`${base}/quotas`, { instances: 2 }).expect(200);
    expect(lowered.body.instances).toEqual({ limit: 2, used: 2 });
    expect((await client.get(`${base}/quotas`).expect(200)).body.instances).toEqual({ limit: 2, used: 2 });

    const refused = await client.post(`${base}/instances`, instanceRequest({ name: 'one-more' })).expect(409);
    expect(refused.body.error).toEqual({
      code: 'QUOTA_EXCEEDED',
      message: 'Quota exceeded for instances (limit 2): this needs 1, but only 0 of 2 are left',
      field: 'count',
      messageCode: 'quota.exceeded',
      params: { resource: 'instances', wanted: 1, left: 0, limit: 2 },
    });
  });

  it('refuses a quota below current usage with 400 and changes nothing', async () => {
    const { client, base, createInstances } = await computeTestApi();
    await createInstances({ name: 'web', count: 3 });
    const refused = await client.put(`${base}/quotas`, { instances: 2, vcpus: 50 }).expect(400);
    expect(refused.body.error).toEqual({
      code: 'INVALID_INPUT',
      message: 'The instances quota cannot be 2: the project already uses 3; delete some first or choose at least 3',
      field: 'instances',
      messageCode: 'quota.belowUsage',
      params: { resource: 'instances', value: 2, used: 3 },
    });
    const quotas = (await client.get(`${base}/quotas`).expect(200)).body;
    expect(quotas.instances).toEqual({ limit: 10, used: 3 });
    expect(quotas.vcpus).toEqual({ limit: 20, used: 3 });
  });

  it('refuses bad limits and unknown quotas with the field named', async () => {
    const { client, base } = await computeTestApi();
    expect((await client.put(`${base}/quotas`, { instances: -1 }).expect(400)).body.error).toMatchObject({ field: 'instances', message: 'The instances quota cannot be negative' });
    expect((await client.put(`${base}/quotas`, { gpus: 3 }).expect(400)).body.error).toMatchObject({ field: 'gpus', message: 'Unknown field gpus' });
  });

  it('only administrators change quotas; members read them', async () => {
    const { app, client, base, projectId } = await computeTestApi();
    await client.post('/users', { username: 'kim', password: 'kim-password' }).expect(201);
    await client.put(`/projects/${projectId}/members`, { username: 'kim', role: 'member' }).expect(200);
    const kim = await login(app, 'kim', 'kim-password');
    expect((await kim.put(`${base}/quotas`, { instances: 50 }).expect(403)).body.error.message).toBe("Only administrators can change a project's quotas");
    expect((await kim.get(`${base}/quotas`).expect(200)).body.instances.limit).toBe(10);
    await kim.put('/settings/quotas', { instances: 50 }).expect(403);
  });

  it('counts and limits snapshots, load balancers and networks too', async () => {
    const { client, base } = await computeTestApi();
    const quotas = (await client.get(`${base}/quotas`).expect(200)).body;
    expect(quotas.networks).toEqual({ limit: 10, used: 1 });
    expect(quotas.loadBalancers).toEqual({ limit: 10, used: 0 });
    expect(quotas.volumeSnapshots).toEqual({ limit: 10, used: 0 });
  });

  it('a snapshot past its quota is refused with the limit named, and none is made', async () => {
    const { engine, client, base } = await computeTestApi();
    const volume = (await client.post(`${base}/volumes`, { name: 'data', sizeGb: 10 }).expect(201)).body;
    engine.advance(10_000);
    await client.put(`${base}/quotas`, { volumeSnapshots: 0 }).expect(200);
    const refused = await client.post(`${base}/volume-snapshots`, { volumeId: volume.id, name: 'snap' }).expect(409);
    expect(refused.body.error).toEqual({ code: 'QUOTA_EXCEEDED', message: 'Quota exceeded for volume snapshots (limit 0): this needs 1, but only 0 of 0 are left', messageCode: 'quota.exceeded', params: { resource: 'volumeSnapshots', wanted: 1, left: 0, limit: 0 } });
    expect((await client.get(`${base}/volume-snapshots`).expect(200)).body.total).toBe(0);
  });

  it('admin settings change the defaults of projects without their own limit', async () => {
    const { client, base } = await computeTestApi();
    await client.put(`${base}/quotas`, { vcpus: 8 }).expect(200);
    expect((await client.put('/settings/quotas', { instances: 30, vcpus: 60 }).expect(200)).body).toMatchObject({ instances: 30, vcpus: 60 });
    const quotas = (await client.get(`${base}/quotas`).expect(200)).body;
    expect(quotas.instances.limit).toBe(30);
    expect(quotas.vcpus.limit).toBe(8);
  });
});

describe('SANDCLOUD_DEFAULT_QUOTAS', () => {
  it('reads JSON or key=value lists', () => {
    expect(readConfig({ SANDCLOUD_DEFAULT_QUOTAS: '{"instances": 3}' }).SANDCLOUD_DEFAULT_QUOTAS).toEqual({ instances: 3 });
    expect(readConfig({ SANDCLOUD_DEFAULT_QUOTAS: 'instances=4, vcpus=8' }).SANDCLOUD_DEFAULT_QUOTAS).toEqual({ instances: 4, vcpus: 8 });
    expect(readConfig({}).SANDCLOUD_DEFAULT_QUOTAS).toBeUndefined();
  });

  it('refuses to start with a bad value, naming the problem', () => {
    expect(() => readConfig({ SANDCLOUD_DEFAULT_QUOTAS: 'gpus=3' })).toThrow(
      'Invalid setting SANDCLOUD_DEFAULT_QUOTAS: Unknown quota gpus; quotas are instances, vcpus, ramMb, floatingIps, securityGroups, securityGroupRules, keyPairs, volumes, volumeGb, volumeSnapshots, loadBalancers, networks',
    );
    expect(() => readConfig({ SANDCLOUD_DEFAULT_QUOTAS: 'instances=-2' })).toThrow('Invalid setting SANDCLOUD_DEFAULT_QUOTAS: Quota instances must be a whole number from 0 to 10000000, not "-2"');
    expect(() => readConfig({ SANDCLOUD_DEFAULT_QUOTAS: '{bad' })).toThrow('Invalid setting SANDCLOUD_DEFAULT_QUOTAS: not valid JSON');
  });
});

describe('the OpenStack APIs report the same quotas', () => {
  it('Nova, Cinder and Neutron show a limit the console set', async () => {
    const { client, projectId, os } = await openstackTestApi();
    await client.put(`/projects/${projectId}/quotas`, { instances: 4, vcpus: 6, volumeSnapshots: 3, networks: 5 }).expect(200);
    const nova = (await os.get(`/compute/v2.1/os-quota-sets/${projectId}`).expect(200)).body.quota_set;
    expect({ instances: nova.instances, cores: nova.cores }).toEqual({ instances: 4, cores: 6 });
    expect((await os.get('/compute/v2.1/limits').expect(200)).body.limits.absolute).toMatchObject({ maxTotalInstances: 4, maxTotalCores: 6 });
    const cinder = (await os.get(`/volume/v3/${projectId}/os-quota-sets/${projectId}?usage=true`).expect(200)).body.quota_set;
    expect(cinder.snapshots).toEqual({ limit: 3, in_use: 0, reserved: 0, allocated: 0 });
    const neutron = (await os.get(`/network/v2.0/quotas/${projectId}/details`).expect(200)).body.quota;
    expect(neutron.network).toEqual({ limit: 5, used: 1, reserved: 0 });
  });
});

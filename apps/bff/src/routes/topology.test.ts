import type { TopologyDto } from '@sandcloud/api-schemas';
import { describe, expect, it } from 'vitest';
import { computeTestApi } from '../test-support/compute-project.ts';
import { login } from '../test-support/test-api.ts';

async function setup() {
  const api = await computeTestApi();
  const topology = async (query = '') => (await api.client.get(`${api.base}/topology${query}`).expect(200)).body as TopologyDto;
  const createInstance = async (name = 'web') => (await api.createInstances({ name }))[0];
  return { ...api, topology, createInstance };
}

describe('network topology', () => {
  it('starts with the Public Network, the default router and the Default Network 192.168.0.0/24', async () => {
    const { topology } = await setup();
    const body = await topology();
    expect(body.publicNetwork).toMatchObject({ name: 'Public Network' });
    expect(body.networks).toHaveLength(1);
    expect(body.networks[0]).toMatchObject({ name: 'Default Network', subnets: [{ cidr: '192.168.0.0/24', gatewayIp: '192.168.0.1' }] });
    expect(body.routers).toEqual([
      expect.objectContaining({ name: 'Default Router', externalNetworkId: body.publicNetwork.id, networkIds: [body.networks[0]!.id] }),
    ]);
    expect(body).toMatchObject({ instances: [], floatingIps: [], volumes: [], loadBalancers: [] });
    expect(body.reachability).toBeUndefined();
  });

  it('follows an instance from BUILD to ACTIVE, on its private network only until a floating IP is attached', async () => {
    const { client, base, topology, createInstance, engine } = await setup();
    const instance = await createInstance();
    let body = await topology();
    expect(body.instances).toEqual([
      expect.objectContaining({ id: instance.id, name: 'web', status: 'BUILD', privateIp: '192.168.0.4', floatingIp: null, networkId: body.networks[0]!.id }),
    ]);
    engine.advance(5_000);
    const fip = (await client.post(`${base}/floating-ips`).expect(201)).body;
    body = await topology();
    expect(body.instances[0]).toMatchObject({ status: 'ACTIVE', floatingIp: null });
    expect(body.floatingIps).toEqual([expect.objectContaining({ address: fip.address, status: 'DOWN', target: null })]);

    await client.post(`${base}/floating-ips/${fip.id}/associate`, { portId: instance.portId }).expect(200);
    body = await topology();
    expect(body.instances[0]).toMatchObject({ floatingIp: fip.address, floatingIpId: fip.id, portId: instance.portId });
    expect(body.floatingIps[0]).toMatchObject({ status: 'ACTIVE', fixedIp: '192.168.0.4', target: { type: 'instance', id: instance.id } });
  });

  it('answers per-instance ping / SSH / HTTP verdicts from the Internet when asked', async () => {
    const { client, base, topology, createInstance, engine, defaultGroupId } = await setup();
    const instance = await createInstance();
    engine.advance(5_000);
    let body = await topology('?reachability=internet');
    expect(body.reachability?.source).toBe('internet');
    expect(body.reachability?.instances[instance.id]?.ping).toMatchObject({ allowed: false, reason: { code: 'NO_FLOATING_IP' } });

    const fip = (await client.post(`${base}/floating-ips`).expect(201)).body;
    await client.post(`${base}/floating-ips/${fip.id}/associate`, { portId: instance.portId }).expect(200);
    await client
      .post(`${base}/security-groups/${defaultGroupId}/rules`, { direction: 'ingress', etherType: 'IPv4', protocol: 'icmp', remoteIpPrefix: '0.0.0.0/0' })
      .expect(201);
    body = await topology('?reachability=internet');
    const verdicts = body.reachability!.instances[instance.id]!;
    expect(verdicts.ping).toMatchObject({ allowed: true, reason: { code: 'ALLOWED_BY_RULE', rule: { groupName: 'default' } } });
    expect(verdicts.ssh).toMatchObject({ allowed: false, reason: { code: 'NO_MATCHING_RULE' } });
    expect(verdicts.http.allowed).toBe(false);
    expect(JSON.stringify(body.reachability)).not.toContain('transcript');

    // Verdicts follow every change, including the ones the scheduler completes later.
    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'stop' }).expect(202);
    engine.advance(3_000);
    body = await topology('?reachability=internet');
    expect(body.reachability!.instances[instance.id]!.ping).toMatchObject({ allowed: false, reason: { code: 'INSTANCE_NOT_RUNNING' } });
  });

  it('gives every instance the overlay verdicts its own connectivity test gives', async () => {
    const { client, base, topology, createInstance, engine, defaultGroupId } = await setup();
    const [open, stopped, privateOnly] = [await createInstance('open'), await createInstance('stopped'), await createInstance('private')];
    engine.advance(5_000);
    for (const instance of [open, stopped]) {
      const fip = (await client.post(`${base}/floating-ips`).expect(201)).body;
      await client.post(`${base}/floating-ips/${fip.id}/associate`, { portId: instance.portId }).expect(200);
    }
    await client
      .post(`${base}/security-groups/${defaultGroupId}/rules`, { direction: 'ingress', etherType: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '198.51.100.0/24' })
      .expect(201);
    await client.post(`${base}/instances/${stopped.id}/actions`, { action: 'stop' }).expect(202);
    engine.advance(3_000);

    const overlay = (await topology('?reachability=internet')).reachability!;
    for (const instance of [open, stopped, privateOnly]) {
      for (const test of ['ping', 'ssh', 'http'] as const) {
        const single = (await client.post(`${base}/instances/${instance.id}/connectivity-test`, { test }).expect(200)).body;
        expect(overlay.instances[instance.id]![test]).toEqual({ allowed: single.allowed, reason: single.reason });
      }
    }
    expect(overlay.instances[open.id]!.ssh).toMatchObject({ allowed: true, reason: { code: 'ALLOWED_BY_RULE' } });
    expect(overlay.instances[stopped.id]!.ssh.reason.code).toBe('INSTANCE_NOT_RUNNING');
    expect(overlay.instances[privateOnly.id]!.ssh.reason.code).toBe('NO_FLOATING_IP');
  });

  it('shows attached volumes with their device', async () => {
    const { topology, createInstance, engine, projectId } = await setup();
    const instance = await createInstance();
    engine.advance(5_000);
    const { volumes } = engine.modules;
    const volume = volumes.create(projectId, { name: 'data', sizeGb: 10 });
    engine.advance(3_000);
    volumes.attach(projectId, volume.id, instance.id);
    engine.advance(2_000);
    const body = await topology();
    expect(body.volumes).toEqual([
      expect.objectContaining({ id: volume.id, name: 'data', status: 'in-use', sizeGb: 10, attachments: [{ instanceId: instance.id, device: '/dev/vdb' }] }),
    ]);
  });

  it('shows a load balancer with its VIP, its floating IP and its members', async () => {
    const { client, base, topology, createInstance, engine, projectId } = await setup();
    const [web1, web2] = [await createInstance('web-1'), await createInstance('web-2')];
    engine.advance(5_000);
    const subnetId = (await topology()).networks[0]!.subnets[0]!.id;
    const lb = engine.modules.loadBalancers.create(projectId, {
      name: 'my-lb',
      subnetId,
      listener: { protocol: 'HTTP', protocolPort: 80 },
      pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: [{ instanceId: web1.id }, { instanceId: web2.id }], healthMonitor: { type: 'HTTP', monitorPort: 80 } },
    });
    engine.advance(4_000);
    const fip = (await client.post(`${base}/floating-ips`).expect(201)).body;
    await client.post(`${base}/floating-ips/${fip.id}/associate`, { portId: lb.vipPortId }).expect(200);
    const body = await topology();
    expect(body.loadBalancers).toEqual([
      expect.objectContaining({ id: lb.id, name: 'my-lb', networkId: body.networks[0]!.id, vipAddress: lb.vipAddress, floatingIp: fip.address }),
    ]);
    expect(body.loadBalancers![0]!.members.map((m) => [m.instanceId, m.port])).toEqual([
      [web1.id, 80],
      [web2.id, 80],
    ]);
    expect(body.floatingIps[0]!.target).toEqual({ type: 'load-balancer', id: lb.id });
  });

  it('refuses an unknown overlay, and hides the project from non-members', async () => {
    const { client, base, app } = await setup();
    const bad = await client.get(`${base}/topology?reachability=lan`).expect(400);
    expect(bad.body.error.field).toBe('reachability');
    await client.post('/users', { username: 'outsider', password: 'outsider-pass' }).expect(201);
    const outsider = await login(app, 'outsider', 'outsider-pass');
    await outsider.get(`${base}/topology`).expect(404);
  });
});

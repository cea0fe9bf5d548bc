import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { issueToken, openstackTestApi } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

async function withServer() {
  const api = await openstackTestApi();
  await api.os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'my_keypair' } }).expect(200);
  const created = await api.os
    .post('/compute/v2.1/servers', { server: { name: 'web', imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'my_keypair' } })
    .expect(202);
  api.engine.advance(5_000);
  return { ...api, serverId: created.body.server.id as string };
}

describe('Neutron networks, subnets, ports and routers', () => {
  it('lists the project network and the external one, filtered by any attribute', async () => {
    const { os } = await openstackTestApi();
    const networks = (await os.get('/network/v2.0/networks').expect(200)).body.networks;
    expect(networks.map((n: { name: string; 'router:external': boolean }) => [n.name, n['router:external']])).toEqual([
      ['Default Network', false],
      ['Public Network', true],
    ]);
    const external = await os.get('/network/v2.0/networks?router:external=True').expect(200);
    expect(external.body.networks.map((n: { name: string }) => n.name)).toEqual(['Public Network']);
    const byName = await os.get('/network/v2.0/networks?name=Default%20Network&fields=id&fields=name').expect(200);
    expect(byName.body.networks).toEqual([{ id: networks[0].id, name: 'Default Network' }]);
    const shown = await os.get(`/network/v2.0/networks/${networks[0].id}`).expect(200);
    expect(shown.body.network).toMatchObject({ name: 'Default Network', status: 'ACTIVE', admin_state_up: true, subnets: [expect.any(String)] });
    const missing = await os.get('/network/v2.0/networks/nope').expect(404);
    expect(missing.body).toEqual({ NeutronError: { type: 'NetworkNotFound', message: 'Network nope could not be found.', detail: '' } });

    const subnet = (await os.get(`/network/v2.0/subnets?network_id=${networks[0].id}`).expect(200)).body.subnets[0];
    expect(subnet).toMatchObject({ cidr: '192.168.0.0/24', gateway_ip: '192.168.0.1', ip_version: 4, allocation_pools: [{ start: '192.168.0.4', end: '192.168.0.254' }] });
    const router = (await os.get('/network/v2.0/routers').expect(200)).body.routers[0];
    expect(router.external_gateway_info.network_id).toBe(networks[1].id);
  });

  it("finds a server's port by device_id and network_id", async () => {
    const { os, serverId } = await withServer();
    const ports = (await os.get(`/network/v2.0/ports?device_id=${serverId}`).expect(200)).body.ports;
    expect(ports).toHaveLength(1);
    expect(ports[0]).toMatchObject({ device_id: serverId, device_owner: 'compute:kr-pub-a', fixed_ips: [{ ip_address: '192.168.0.4' }] });
    expect((await os.get('/network/v2.0/ports?device_id=other').expect(200)).body.ports).toEqual([]);
    expect((await os.get(`/network/v2.0/ports?network_id=${ports[0].network_id}`).expect(200)).body.ports).toHaveLength(1);
  });
});

describe('Neutron security groups and rules', () => {
  it('creates groups and rules with protocol names or numbers, port ranges, remote prefixes and groups', async () => {
    const { os } = await openstackTestApi();
    const created = await os.post('/network/v2.0/security-groups', { security_group: { name: 'web', description: 'HTTP in' } }).expect(201);
    const group = created.body.security_group;
    expect(group.security_group_rules.map((r: { direction: string; ethertype: string }) => [r.direction, r.ethertype])).toEqual([
      ['egress', 'IPv4'],
      ['egress', 'IPv6'],
    ]);
    const rule = (body: object) => os.post('/network/v2.0/security-group-rules', { security_group_rule: { security_group_id: group.id, direction: 'ingress', ...body } });
    const ssh = await rule({ protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0', ethertype: 'IPv4' }).expect(201);
    expect(ssh.body.security_group_rule).toMatchObject({ protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0', security_group_id: group.id });
    const web = await rule({ protocol: '6', port_range_min: '80', port_range_max: '443' }).expect(201);
    expect(web.body.security_group_rule).toMatchObject({ protocol: '6', port_range_min: 80, port_range_max: 443 });
    const ping = await rule({ protocol: 1, port_range_min: 8, port_range_max: 0 }).expect(201);
    expect(ping.body.security_group_rule.protocol).toBe('1');
    const defaultId = (await os.get('/network/v2.0/security-groups?name=default').expect(200)).body.security_groups[0].id;
    const fromGroup = await rule({ protocol: 'udp', port_range_min: 53, port_range_max: 53, remote_group_id: defaultId }).expect(201);
    expect(fromGroup.body.security_group_rule.remote_group_id).toBe(defaultId);

    const duplicate = await rule({ protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' }).expect(409);
    expect(duplicate.body.NeutronError.type).toBe('SecurityGroupRuleExists');
    expect((await rule({ protocol: 'gre' }).expect(400)).body.NeutronError.type).toBe('SecurityGroupRuleInvalidProtocol');
    await rule({ protocol: 'tcp', port_range_min: 70000, port_range_max: 70000 }).expect(400);
    await rule({ protocol: 'tcp', remote_ip_prefix: '10.0.0.0/33', port_range_min: 1, port_range_max: 2 }).expect(400);
    await rule({ direction: 'sideways' }).expect(400);
    await rule({ colour: 'blue' }).expect(400);
    await os.post('/network/v2.0/security-group-rules', { security_group_rule: { security_group_id: 'nope', direction: 'ingress' } }).expect(404);

    const listed = (await os.get(`/network/v2.0/security-group-rules?security_group_id=${group.id}&direction=ingress`).expect(200)).body.security_group_rules;
    expect(listed).toHaveLength(4);
    await os.get(`/network/v2.0/security-group-rules/${ssh.body.security_group_rule.id}`).expect(200);
    await os.delete(`/network/v2.0/security-group-rules/${ssh.body.security_group_rule.id}`).expect(204);
    await os.get(`/network/v2.0/security-group-rules/${ssh.body.security_group_rule.id}`).expect(404);

    await os.put(`/network/v2.0/security-groups/${group.id}`, { security_group: { description: 'web traffic' } }).expect(200);
    expect((await os.get(`/network/v2.0/security-groups/${group.id}`).expect(200)).body.security_group.description).toBe('web traffic');
    await os.delete(`/network/v2.0/security-groups/${group.id}`).expect(204);
    await os.get(`/network/v2.0/security-groups/${group.id}`).expect(404);
    expect((await os.delete(`/network/v2.0/security-groups/${defaultId}`).expect(409)).body.NeutronError.type).toBe('SecurityGroupInUse');
  });

  it('shows in the console what the API changed', async () => {
    const { os, client, projectId } = await openstackTestApi();
    await os.post('/network/v2.0/security-groups', { security_group: { name: 'api-made' } }).expect(201);
    const groups = (await client.get(`/projects/${projectId}/security-groups`).expect(200)).body.items as { name: string }[];
    expect(groups.map((g) => g.name).sort()).toEqual(['api-made', 'default']);
  });
});

describe('Neutron floating IPs', () => {
  it('creates on the external network, associates by port_id, filters by address, disassociates with null, deletes', async () => {
    const { os, serverId } = await withServer();
    const external = (await os.get('/network/v2.0/networks?router:external=true').expect(200)).body.networks[0].id;
    const created = await os.post('/network/v2.0/floatingips', { floatingip: { floating_network_id: external } }).expect(201);
    const floatingIp = created.body.floatingip;
    expect(floatingIp).toMatchObject({ floating_ip_address: '203.0.113.10', status: 'DOWN', port_id: null, fixed_ip_address: null, floating_network_id: external });
    const portId = (await os.get(`/network/v2.0/ports?device_id=${serverId}`).expect(200)).body.ports[0].id;
    const associated = await os.put(`/network/v2.0/floatingips/${floatingIp.id}`, { floatingip: { port_id: portId } }).expect(200);
    expect(associated.body.floatingip).toMatchObject({ port_id: portId, fixed_ip_address: '192.168.0.4', status: 'ACTIVE', router_id: expect.any(String) });
    const server = (await os.get(`/compute/v2.1/servers/${serverId}`).expect(200)).body.server;
    expect(server.addresses['Default Network'].map((a: { addr: string; 'OS-EXT-IPS:type': string }) => [a.addr, a['OS-EXT-IPS:type']])).toEqual([
      ['192.168.0.4', 'fixed'],
      ['203.0.113.10', 'floating'],
    ]);
    const byAddress = await os.get('/network/v2.0/floatingips?floating_ip_address=203.0.113.10').expect(200);
    expect(byAddress.body.floatingips.map((f: { id: string }) => f.id)).toEqual([floatingIp.id]);
    expect((await os.get('/network/v2.0/floatingips?floating_ip_address=203.0.113.99').expect(200)).body.floatingips).toEqual([]);
    const released = await os.put(`/network/v2.0/floatingips/${floatingIp.id}`, { floatingip: { port_id: null } }).expect(200);
    expect(released.body.floatingip).toMatchObject({ port_id: null, status: 'DOWN', router_id: null });
    await os.delete(`/network/v2.0/floatingips/${floatingIp.id}`).expect(204);
    await os.get(`/network/v2.0/floatingips/${floatingIp.id}`).expect(404);
  });

  it('creates one already pointing at a port, and refuses bad networks, ports and bodies', async () => {
    const { os, serverId, app, client } = await withServer();
    const [internal, external] = (await os.get('/network/v2.0/networks').expect(200)).body.networks.map((n: { id: string }) => n.id);
    const portId = (await os.get(`/network/v2.0/ports?device_id=${serverId}`).expect(200)).body.ports[0].id;
    const created = await os.post('/network/v2.0/floatingips', { floatingip: { floating_network_id: external, port_id: portId } }).expect(201);
    expect(created.body.floatingip).toMatchObject({ port_id: portId, status: 'ACTIVE' });
    await os.post('/network/v2.0/floatingips', { floatingip: { floating_network_id: internal } }).expect(400);
    await os.post('/network/v2.0/floatingips', { floatingip: { floating_network_id: 'nope' } }).expect(404);
    await os.post('/network/v2.0/floatingips', { floatingip: { floating_network_id: external, port_id: 'nope' } }).expect(404);
    expect((await os.post('/network/v2.0/floatingips', {}).expect(400)).body.NeutronError.message).toContain("'floatingip' is a required property");
    await os.post('/network/v2.0/floatingips', { floatingip: { floating_network_id: 42 } }).expect(400);
    expect((await os.get('/network/v2.0/floatingips').expect(200)).body.floatingips).toHaveLength(1);

    // Another project sees none of it.
    const other = (await client.post('/projects', { name: 'other' }).expect(201)).body.id as string;
    await client.post(`/projects/${other}/compute/activate`).expect(200);
    const token = await issueToken(app, { project: { id: other } });
    await request(app).get(`/network/v2.0/floatingips/${created.body.floatingip.id}`).set('X-Auth-Token', token).expect(404);
    await request(app).put(`/network/v2.0/floatingips/${created.body.floatingip.id}`).set('X-Auth-Token', token).send({ floatingip: { port_id: null } }).expect(404);
    await request(app).get(`/network/v2.0/ports/${portId}`).set('X-Auth-Token', token).expect(404);
  });

  it('answers extensions and quotas', async () => {
    const { os, projectId } = await openstackTestApi();
    const aliases = (await os.get('/network/v2.0/extensions').expect(200)).body.extensions.map((e: { alias: string }) => e.alias);
    expect(aliases).toContain('security-group');
    expect(aliases).toContain('external-net');
    const quota = (await os.get(`/network/v2.0/quotas/${projectId}`).expect(200)).body.quota;
    expect(quota).toMatchObject({ floatingip: 10, security_group: 10, security_group_rule: 100 });
    const details = (await os.get(`/network/v2.0/quotas/${projectId}/details`).expect(200)).body.quota;
    expect(details.security_group).toEqual({ limit: 10, used: 1, reserved: 0 });
    await os.get('/network/v2.0/quotas/someone-else').expect(403);
  });
});

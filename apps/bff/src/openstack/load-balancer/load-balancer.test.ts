import { describe, expect, it } from 'vitest';
import { openstackTestApi } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';
const LB = '/load-balancer/v2.0/lbaas';

/** Two ACTIVE servers on the default subnet, and a fully populated load balancer body over them. */
async function withServers() {
  const api = await openstackTestApi();
  const { os, engine } = api;
  await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
  for (const name of ['web-1', 'web-2']) {
    await os.post('/compute/v2.1/servers', { server: { name, imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'k' } }).expect(202);
  }
  engine.advance(10_000);
  const subnetId = (await os.get('/network/v2.0/subnets')).body.subnets[0].id as string;
  const ports = (await os.get('/network/v2.0/ports?device_owner=compute:kr-pub-a')).body.ports as { fixed_ips: { ip_address: string }[]; device_id: string }[];
  const addresses = ports.map((p) => p.fixed_ips[0]!.ip_address).sort();
  const body = (members = addresses) => ({
    loadbalancer: {
      name: 'lb1',
      vip_subnet_id: subnetId,
      listeners: [
        {
          protocol: 'HTTP',
          protocol_port: 80,
          default_pool: {
            protocol: 'HTTP',
            lb_algorithm: 'ROUND_ROBIN',
            members: members.map((address) => ({ address, protocol_port: 8080, subnet_id: subnetId })),
            healthmonitor: { type: 'HTTP', delay: 5, timeout: 3, max_retries: 3, url_path: '/' },
          },
        },
      ],
    },
  });
  return { ...api, subnetId, addresses, body };
}

describe('Octavia v2 load balancers', () => {
  it('creates a fully populated load balancer (PENDING_CREATE → ACTIVE) with a real VIP port, listener, pool, members and monitor', async () => {
    const { os, engine, body, addresses, subnetId, projectId } = await withServers();
    const created = await os.post(`${LB}/loadbalancers`, body());
    expect(created.status).toBe(201);
    const lb = created.body.loadbalancer;
    expect(lb).toMatchObject({ name: 'lb1', provisioning_status: 'PENDING_CREATE', operating_status: 'OFFLINE', vip_subnet_id: subnetId, project_id: projectId });
    // The VIP is a Neutron port a floating IP can be associated to.
    const port = (await os.get(`/network/v2.0/ports/${lb.vip_port_id}`)).body.port;
    expect(port.fixed_ips[0].ip_address).toBe(lb.vip_address);
    const external = (await os.get('/network/v2.0/networks?router:external=true')).body.networks[0].id as string;
    const fip = await os.post('/network/v2.0/floatingips', { floatingip: { floating_network_id: external, port_id: lb.vip_port_id } });
    expect(fip.status).toBe(201);
    expect(fip.body.floatingip.port_id).toBe(lb.vip_port_id);

    engine.advance(10_000);
    const active = (await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer;
    expect(active).toMatchObject({ provisioning_status: 'ACTIVE', operating_status: 'ONLINE' });
    const listener = (await os.get(`${LB}/listeners/${active.listeners[0].id}`)).body.listener;
    expect(listener).toMatchObject({ protocol: 'HTTP', protocol_port: 80, loadbalancers: [{ id: lb.id }], provisioning_status: 'ACTIVE' });
    const pool = (await os.get(`${LB}/pools/${listener.default_pool_id}`)).body.pool;
    expect(pool).toMatchObject({ lb_algorithm: 'ROUND_ROBIN', loadbalancers: [{ id: lb.id }], listeners: [{ id: listener.id }] });
    const members = (await os.get(`${LB}/pools/${pool.id}/members`)).body.members as { address: string; operating_status: string; protocol_port: number }[];
    expect(members.map((m) => [m.address, m.protocol_port]).sort()).toEqual(addresses.map((a) => [a, 8080]));
    const monitor = (await os.get(`${LB}/healthmonitors/${pool.healthmonitor_id}`)).body.healthmonitor;
    expect(monitor).toMatchObject({ type: 'HTTP', delay: 5, timeout: 3, max_retries: 3, url_path: '/', pools: [{ id: pool.id }] });
    // The console sees the same load balancer.
    expect(engine.modules.loadBalancers.get(projectId, lb.id).name).toBe('lb1');
  });

  it('removes and adds members (PENDING_UPDATE → ACTIVE), changes the algorithm and the monitor', async () => {
    const { os, engine, body, addresses } = await withServers();
    const lb = (await os.post(`${LB}/loadbalancers`, body([addresses[0]!])).expect(201)).body.loadbalancer;
    engine.advance(10_000);
    const poolId = (await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer.pools[0].id as string;
    const added = await os.post(`${LB}/pools/${poolId}/members`, { member: { address: addresses[1], protocol_port: 8080 } });
    expect(added.status).toBe(201);
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer.provisioning_status).toBe('PENDING_UPDATE');
    // Immutable while PENDING_UPDATE, as Octavia.
    const busy = await os.delete(`${LB}/pools/${poolId}/members/${added.body.member.id}`);
    expect(busy.status).toBe(409);
    expect(busy.body).toEqual({ faultcode: 'Client', faultstring: expect.any(String), debuginfo: null });
    engine.advance(5_000);
    await os.put(`${LB}/pools/${poolId}`, { pool: { lb_algorithm: 'LEAST_CONNECTIONS' } }).expect(200);
    engine.advance(5_000);
    expect((await os.get(`${LB}/pools/${poolId}`)).body.pool.lb_algorithm).toBe('LEAST_CONNECTIONS');
    const monitorId = (await os.get(`${LB}/pools/${poolId}`)).body.pool.healthmonitor_id as string;
    await os.put(`${LB}/healthmonitors/${monitorId}`, { healthmonitor: { delay: 10 } }).expect(200);
    engine.advance(5_000);
    expect((await os.get(`${LB}/healthmonitors/${monitorId}`)).body.healthmonitor.delay).toBe(10);
    await os.delete(`${LB}/pools/${poolId}/members/${added.body.member.id}`).expect(204);
    engine.advance(5_000);
    expect((await os.get(`${LB}/pools/${poolId}/members`)).body.members).toHaveLength(1);
  });

  it('deletes with cascade only (PENDING_DELETE → gone), releasing the VIP port', async () => {
    const { os, engine, body } = await withServers();
    const lb = (await os.post(`${LB}/loadbalancers`, body()).expect(201)).body.loadbalancer;
    engine.advance(10_000);
    const refused = await os.delete(`${LB}/loadbalancers/${lb.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.faultstring).toMatch(/has children/);
    await os.delete(`${LB}/loadbalancers/${lb.id}?cascade=true`).expect(204);
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer.provisioning_status).toBe('PENDING_DELETE');
    engine.advance(10_000);
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).status).toBe(404);
    expect((await os.get(`/network/v2.0/ports/${lb.vip_port_id}`)).status).toBe(404);
    expect((await os.get(`${LB}/listeners`)).body.listeners).toEqual([]);
  });

  it('answers bad input, unknown ids and unsupported shapes in the Octavia format, never a 500', async () => {
    const { os, body, subnetId } = await withServers();
    const half = await os.post(`${LB}/loadbalancers`, { loadbalancer: { name: 'half', vip_subnet_id: subnetId, listeners: [{ protocol: 'HTTP', protocol_port: 80 }] } });
    expect(half.status).toBe(400);
    expect(half.body.faultstring).toMatch(/fully populated/);
    expect((await os.post(`${LB}/pools`, { pool: { protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' } })).body.faultstring).toBe('Validation failure: Either listener_id or loadbalancer_id must be specified.');
    expect((await os.post(`${LB}/loadbalancers`, { loadbalancer: {} })).status).toBe(400);
    expect((await os.post(`${LB}/loadbalancers`, { loadbalancer: { vip_subnet_id: 'nope', listeners: body().loadbalancer.listeners } })).status).toBe(400);
    expect((await os.post(`${LB}/loadbalancers`, body(['10.9.9.9']))).body.faultstring).toMatch(/no server of this project has the address 10\.9\.9\.9/);
    const unknown = await os.get(`${LB}/loadbalancers/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ faultcode: 'Client', faultstring: 'Load Balancer 00000000-0000-4000-8000-000000000000 not found.', debuginfo: null });
    expect((await os.get('/load-balancer/v2.0/nothing')).status).toBe(404);
    expect((await os.post(`${LB}/pools`, { pool: {} })).status).toBe(400);
  });

  it('builds a load balancer step by step as Octavia does: bare create, listener, pool, member, monitor, each ACTIVE in turn, and it routes', async () => {
    const { os, engine, addresses, subnetId, projectId } = await withServers();
    const networkId = (await os.get(`/network/v2.0/subnets/${subnetId}`)).body.subnet.network_id as string;
    const created = await os.post(`${LB}/loadbalancers`, { loadbalancer: { name: 'bare', vip_network_id: networkId } });
    expect(created.status).toBe(201);
    const lb = created.body.loadbalancer;
    expect(lb).toMatchObject({ provisioning_status: 'PENDING_CREATE', vip_subnet_id: subnetId, vip_network_id: networkId, listeners: [], pools: [] });
    expect((await os.get(`/network/v2.0/ports/${lb.vip_port_id}`)).body.port.fixed_ips[0].ip_address).toBe(lb.vip_address);
    // Immutable until ACTIVE.
    const early = await os.post(`${LB}/listeners`, { listener: { loadbalancer_id: lb.id, protocol: 'HTTP', protocol_port: 80 } });
    expect(early.status).toBe(409);
    expect(early.body).toEqual({ faultcode: 'Client', faultstring: `Load Balancer ${lb.id} is immutable and cannot be updated.`, debuginfo: null });
    engine.advance(10_000);
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer).toMatchObject({ provisioning_status: 'ACTIVE', operating_status: 'ONLINE' });

    const listener = (await os.post(`${LB}/listeners`, { listener: { loadbalancer_id: lb.id, name: 'web', protocol: 'HTTP', protocol_port: '80' } }).expect(201)).body.listener;
    expect(listener).toMatchObject({ name: 'web', provisioning_status: 'PENDING_CREATE', default_pool_id: null, loadbalancers: [{ id: lb.id }] });
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer.provisioning_status).toBe('PENDING_UPDATE');
    const busy = await os.post(`${LB}/pools`, { pool: { listener_id: listener.id, protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' } });
    expect(busy.status).toBe(409);
    expect(busy.body.faultstring).toBe(`Load Balancer ${lb.id} is immutable and cannot be updated.`);
    engine.advance(5_000);
    expect((await os.get(`${LB}/listeners/${listener.id}`)).body.listener).toMatchObject({ provisioning_status: 'ACTIVE', operating_status: 'ONLINE' });

    const pool = (await os.post(`${LB}/pools`, { pool: { listener_id: listener.id, name: 'p', protocol: 'HTTP', lb_algorithm: 'SOURCE_IP' } }).expect(201)).body.pool;
    expect(pool).toMatchObject({ name: 'p', provisioning_status: 'PENDING_CREATE', lb_algorithm: 'SOURCE_IP', listeners: [{ id: listener.id }], loadbalancers: [{ id: lb.id }], members: [], healthmonitor_id: null });
    engine.advance(5_000);
    expect((await os.get(`${LB}/listeners/${listener.id}`)).body.listener.default_pool_id).toBe(pool.id);

    const member = (await os.post(`${LB}/pools/${pool.id}/members`, { member: { address: addresses[0], protocol_port: 8080, subnet_id: subnetId } }).expect(201)).body.member;
    expect(member).toMatchObject({ address: addresses[0], protocol_port: 8080, provisioning_status: 'PENDING_CREATE', operating_status: 'NO_MONITOR' });
    engine.advance(5_000);
    const monitor = (await os.post(`${LB}/healthmonitors`, { healthmonitor: { pool_id: pool.id, type: 'TCP', delay: 2, timeout: 3, max_retries: 2 } }).expect(201)).body.healthmonitor;
    // Octavia lets the timeout exceed the interval (the console does not).
    expect(monitor).toMatchObject({ type: 'TCP', delay: 2, timeout: 3, pools: [{ id: pool.id }] });
    engine.advance(5_000);
    expect((await os.get(`${LB}/pools/${pool.id}`)).body.pool).toMatchObject({ provisioning_status: 'ACTIVE', healthmonitor_id: monitor.id, members: [{ id: member.id }] });
    expect(engine.modules.loadBalancers.get(projectId, lb.id).status).toBe('ACTIVE');
    // The data plane routes the step-by-step load balancer like a combined one: port 80 → the member on 8080.
    const picked = engine.modules.loadBalancers.pickMember(lb.id, 80, { clientIp: '203.0.113.9' });
    expect(picked && [picked.member.address, picked.member.protocolPort]).toEqual([addresses[0], 8080]);

    // The monitor goes, then the listener (its pool stays, as in Octavia), then cascade delete takes the rest.
    await os.delete(`${LB}/healthmonitors/${monitor.id}`).expect(204);
    engine.advance(5_000);
    expect((await os.get(`${LB}/pools/${pool.id}`)).body.pool.healthmonitor_id).toBeNull();
    await os.delete(`${LB}/listeners/${listener.id}`).expect(204);
    engine.advance(5_000);
    expect((await os.get(`${LB}/pools/${pool.id}`)).body.pool).toMatchObject({ listeners: [], operating_status: 'OFFLINE' });
    expect(engine.modules.loadBalancers.pickMember(lb.id, 80, { clientIp: '203.0.113.9' })).toBeNull();
    expect((await os.delete(`${LB}/loadbalancers/${lb.id}`)).status).toBe(400);
    await os.delete(`${LB}/loadbalancers/${lb.id}?cascade=true`).expect(204);
    engine.advance(10_000);
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).status).toBe(404);
    expect((await os.get(`${LB}/pools`)).body.pools).toEqual([]);
    expect((await os.get(`/network/v2.0/ports/${lb.vip_port_id}`)).status).toBe(404);
  });
});

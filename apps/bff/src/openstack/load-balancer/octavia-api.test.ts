import { describe, expect, it } from 'vitest';
import { openstackTestApi } from '../test-support.ts';

// What octavia-tempest-plugin's API tests ask beyond the guide's load balancer: members at addresses
// no server owns, admin_state_up on every object, monitor names and types, Octavia's protocols, the
// caller's vip_address. Each behaviour is checked in what the simulation does, not only in the JSON.

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';
const LB = '/load-balancer/v2.0/lbaas';

/** One ACTIVE server on the default subnet and an ACTIVE bare load balancer beside it. */
async function withLoadBalancer(extra: Record<string, unknown> = {}) {
  const api = await openstackTestApi();
  const { os, engine } = api;
  await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
  await os.post('/compute/v2.1/servers', { server: { name: 'web-1', imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'k' } }).expect(202);
  engine.advance(10_000);
  const subnetId = (await os.get('/network/v2.0/subnets')).body.subnets[0].id as string;
  const server = (await os.get('/network/v2.0/ports?device_owner=compute:kr-pub-a')).body.ports[0].fixed_ips[0].ip_address as string;
  const lb = (await os.post(`${LB}/loadbalancers`, { loadbalancer: { name: 'lb', vip_subnet_id: subnetId, ...extra } }).expect(201)).body.loadbalancer;
  engine.advance(5_000);
  /** Waits out the PENDING_UPDATE every change puts the load balancer in. */
  const settle = () => engine.advance(2_000);
  const listenerWithPool = async (protocol: string, port: number, poolProtocol = protocol, poolExtra: Record<string, unknown> = {}) => {
    const listener = (await os.post(`${LB}/listeners`, { listener: { loadbalancer_id: lb.id, protocol, protocol_port: port } }).expect(201)).body.listener;
    settle();
    const pool = (await os.post(`${LB}/pools`, { pool: { listener_id: listener.id, protocol: poolProtocol, lb_algorithm: 'ROUND_ROBIN', ...poolExtra } }).expect(201)).body.pool;
    settle();
    return { listener, pool };
  };
  return { ...api, subnetId, server, lb, settle, listenerWithPool };
}

describe('Octavia members are addresses', () => {
  it("keeps a member at an address no server owns: it gets no traffic and fails its checks, the server's member passes", async () => {
    const { os, engine, lb, server, subnetId, settle, listenerWithPool } = await withLoadBalancer();
    const { pool } = await listenerWithPool('HTTP', 80);
    const nobody = await os.post(`${LB}/pools/${pool.id}/members`, {
      member: { name: 'm1', address: '192.0.2.1', protocol_port: 8081, subnet_id: subnetId, weight: 50, admin_state_up: true, monitor_address: '192.0.2.2', monitor_port: 8080 },
    });
    expect(nobody.status).toBe(201);
    expect(nobody.body.member).toMatchObject({ name: 'm1', address: '192.0.2.1', protocol_port: 8081, weight: 50, monitor_address: '192.0.2.2', monitor_port: 8080, subnet_id: subnetId, operating_status: 'NO_MONITOR' });
    settle();
    // Each member has its own port; the same address and port twice is Octavia's 409.
    const twice = await os.post(`${LB}/pools/${pool.id}/members`, { member: { address: '192.0.2.1', protocol_port: 8081 } });
    expect(twice.status).toBe(409);
    expect(twice.body.faultstring).toBe('Another member on this pool is already using ip 192.0.2.1 on protocol_port 8081');
    const real = (await os.post(`${LB}/pools/${pool.id}/members`, { member: { address: server, protocol_port: 80 } }).expect(201)).body.member;
    settle();
    await os.post(`${LB}/healthmonitors`, { healthmonitor: { pool_id: pool.id, name: 'hm', type: 'TCP', delay: 1, timeout: 1, max_retries: 1 } }).expect(201);
    settle();
    engine.advance(3_000);
    const members = (await os.get(`${LB}/pools/${pool.id}/members`)).body.members as { id: string; operating_status: string }[];
    expect(Object.fromEntries(members.map((m) => [m.id, m.operating_status]))).toEqual({ [nobody.body.member.id]: 'OFFLINE', [real.id]: 'ONLINE' });
    // Traffic goes to the server's member only.
    for (let i = 0; i < 4; i++) expect(engine.modules.loadBalancers.pickMember(lb.id, 80, { clientIp: `203.0.113.${i}` })?.member.id).toBe(real.id);
  });

  it('refuses a member address that is not IPv4, with nothing created', async () => {
    const { os, listenerWithPool } = await withLoadBalancer();
    const { pool } = await listenerWithPool('TCP', 22);
    const bad = await os.post(`${LB}/pools/${pool.id}/members`, { member: { address: 'not-an-ip', protocol_port: 22 } });
    expect(bad.status).toBe(400);
    expect(bad.body.faultstring).toBe('not-an-ip is not an IPv4 address');
    expect((await os.get(`${LB}/pools/${pool.id}/members`)).body.members).toEqual([]);
  });
});

describe('Octavia admin_state_up really disables', () => {
  it('a disabled load balancer, listener or pool takes no connection and reports OFFLINE; enabled again, it serves', async () => {
    const { os, engine, lb, server, settle, listenerWithPool } = await withLoadBalancer();
    const { listener, pool } = await listenerWithPool('HTTP', 80);
    await os.post(`${LB}/pools/${pool.id}/members`, { member: { address: server, protocol_port: 80 } }).expect(201);
    settle();
    const picks = () => engine.modules.loadBalancers.pickMember(lb.id, 80, { clientIp: '203.0.113.1' }) !== null;
    expect(picks()).toBe(true);
    for (const [path, key] of [
      [`loadbalancers/${lb.id}`, 'loadbalancer'],
      [`listeners/${listener.id}`, 'listener'],
      [`pools/${pool.id}`, 'pool'],
    ] as const) {
      const off = (await os.put(`${LB}/${path}`, { [key]: { admin_state_up: false } }).expect(200)).body[key];
      expect(off.admin_state_up).toBe(false);
      settle();
      expect((await os.get(`${LB}/${path}`)).body[key]).toMatchObject({ admin_state_up: false, operating_status: 'OFFLINE' });
      expect(picks()).toBe(false);
      await os.put(`${LB}/${path}`, { [key]: { admin_state_up: true } }).expect(200);
      settle();
      expect(picks()).toBe(true);
    }
  });

  it('a load balancer created disabled is OFFLINE; a disabled monitor keeps its name, is OFFLINE and checks nothing', async () => {
    const { os, engine, lb, subnetId, settle, listenerWithPool } = await withLoadBalancer({ admin_state_up: false });
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer).toMatchObject({ admin_state_up: false, operating_status: 'OFFLINE' });
    await os.put(`${LB}/loadbalancers/${lb.id}`, { loadbalancer: { admin_state_up: true } }).expect(200);
    settle();
    const { pool } = await listenerWithPool('HTTP', 80);
    const member = (await os.post(`${LB}/pools/${pool.id}/members`, { member: { address: '192.0.2.1', protocol_port: 80, subnet_id: subnetId } }).expect(201)).body.member;
    settle();
    const hm = (await os.post(`${LB}/healthmonitors`, { healthmonitor: { pool_id: pool.id, name: 'checker', type: 'HTTP', delay: 1, timeout: 1, max_retries: 1, admin_state_up: false } }).expect(201)).body.healthmonitor;
    expect(hm).toMatchObject({ name: 'checker', admin_state_up: false });
    settle();
    engine.advance(5_000);
    expect((await os.get(`${LB}/healthmonitors/${hm.id}`)).body.healthmonitor).toMatchObject({ name: 'checker', admin_state_up: false, operating_status: 'OFFLINE' });
    // Nobody answers at 192.0.2.1, but a disabled monitor does not check: the member stays NO_MONITOR.
    expect((await os.get(`${LB}/pools/${pool.id}/members/${member.id}`)).body.member.operating_status).toBe('NO_MONITOR');
    await os.put(`${LB}/healthmonitors/${hm.id}`, { healthmonitor: { admin_state_up: true, name: 'renamed' } }).expect(200);
    settle();
    engine.advance(5_000);
    expect((await os.get(`${LB}/healthmonitors/${hm.id}`)).body.healthmonitor).toMatchObject({ name: 'renamed', admin_state_up: true, operating_status: 'ONLINE' });
    expect((await os.get(`${LB}/pools/${pool.id}/members/${member.id}`)).body.member.operating_status).toBe('OFFLINE');
  });
});

describe("Octavia's protocols and monitor types", () => {
  it("takes PROXY, UDP and SCTP pools where Octavia's listener map allows them, and refuses the rest", async () => {
    const { os, engine, lb, server, settle, listenerWithPool } = await withLoadBalancer();
    const proxy = await listenerWithPool('TCP', 22, 'PROXY');
    expect(proxy.pool.protocol).toBe('PROXY');
    await os.post(`${LB}/pools/${proxy.pool.id}/members`, { member: { address: server, protocol_port: 22 } }).expect(201);
    settle();
    // The data plane does not speak the PROXY protocol to guests: the listener takes no connection.
    expect(engine.modules.loadBalancers.pickMember(lb.id, 22, { clientIp: '203.0.113.1' })).toBeNull();
    const udp = await listenerWithPool('UDP', 53);
    expect([udp.listener.protocol, udp.pool.protocol]).toEqual(['UDP', 'UDP']);
    const http = (await os.post(`${LB}/listeners`, { listener: { loadbalancer_id: lb.id, protocol: 'HTTP', protocol_port: 80 } }).expect(201)).body.listener;
    settle();
    const mismatch = await os.post(`${LB}/pools`, { pool: { listener_id: http.id, protocol: 'UDP', lb_algorithm: 'ROUND_ROBIN' } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.faultstring).toBe("The pool protocol 'UDP' is invalid while the listener protocol is 'HTTP'.");
    expect((await os.get(`${LB}/listeners/${http.id}`)).body.listener.default_pool_id).toBeNull();
  });

  it('UDP-CONNECT only on UDP/SCTP pools, HTTPS not on them; PING and TLS-HELLO on TCP pools', async () => {
    const { os, settle, listenerWithPool } = await withLoadBalancer();
    const udp = await listenerWithPool('UDP', 53);
    const tcp = await listenerWithPool('TCP', 22);
    const monitor = (pool: string, type: string) => os.post(`${LB}/healthmonitors`, { healthmonitor: { pool_id: pool, type, delay: 3, timeout: 2, max_retries: 2 } });
    const wrongPool = await monitor(tcp.pool.id, 'UDP-CONNECT');
    expect(wrongPool.status).toBe(400);
    expect(wrongPool.body.faultstring).toBe('The UDP-CONNECT type is only supported for pools of type UDP/SCTP.');
    const wrongType = await monitor(udp.pool.id, 'HTTPS');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.faultstring).toBe('The associated pool protocol is UDP, so only a UDP-CONNECT/SCTP/TCP/HTTP health monitor is supported.');
    expect((await monitor(udp.pool.id, 'UDP-CONNECT')).body.healthmonitor).toMatchObject({ type: 'UDP-CONNECT', http_method: null, url_path: null });
    settle();
    expect((await monitor(tcp.pool.id, 'PING')).body.healthmonitor.type).toBe('PING');
    settle();
    const hm = (await os.get(`${LB}/pools/${tcp.pool.id}`)).body.pool.healthmonitor_id as string;
    expect((await os.put(`${LB}/healthmonitors/${hm}`, { healthmonitor: { type: 'TLS-HELLO' } })).body.healthmonitor.type).toBe('TLS-HELLO');
  });

  it("honours the caller's vip_address, and refuses one outside the subnet", async () => {
    const { os, subnetId } = await withLoadBalancer();
    const cidr = (await os.get(`/network/v2.0/subnets/${subnetId}`)).body.subnet.cidr as string;
    const address = cidr.replace(/\.0\/\d+$/, '.77');
    const lb = (await os.post(`${LB}/loadbalancers`, { loadbalancer: { name: 'vip', vip_subnet_id: subnetId, vip_address: address } }).expect(201)).body.loadbalancer;
    expect(lb.vip_address).toBe(address);
    expect((await os.get(`/network/v2.0/ports/${lb.vip_port_id}`)).body.port.fixed_ips[0].ip_address).toBe(address);
    const outside = await os.post(`${LB}/loadbalancers`, { loadbalancer: { name: 'vip2', vip_subnet_id: subnetId, vip_address: '198.51.100.7' } });
    expect(outside.status).toBe(400);
    expect(outside.body).toEqual({ faultcode: 'Client', faultstring: expect.stringContaining('198.51.100.7'), debuginfo: null });
  });
});

describe('Octavia failover', () => {
  it('an admin fails a load balancer over: it reprovisions in place (PENDING_UPDATE → ACTIVE); not while it is busy', async () => {
    const { os, engine, lb } = await withLoadBalancer();
    await os.put(`${LB}/loadbalancers/${lb.id}/failover`, {}).expect(202);
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer.provisioning_status).toBe('PENDING_UPDATE');
    const busy = await os.put(`${LB}/loadbalancers/${lb.id}/failover`, {});
    expect(busy.status).toBe(409);
    engine.advance(2_000);
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer.provisioning_status).toBe('ACTIVE');
    expect((await os.put(`${LB}/loadbalancers/00000000-0000-4000-8000-000000000000/failover`, {})).status).toBe(404);
  });
});

describe('Octavia member batch update and listener headers', () => {
  it('PUT …/members makes the list the pool: a kept member is updated in place, the others go, the new ones come', async () => {
    const { os, lb, subnetId, settle } = await withLoadBalancer();
    const pool = (await os.post(`${LB}/pools`, { pool: { loadbalancer_id: lb.id, protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' } }).expect(201)).body.pool;
    settle();
    const one = (await os.post(`${LB}/pools/${pool.id}/members`, { member: { name: 'one', address: '192.0.2.1', protocol_port: 80, subnet_id: subnetId } }).expect(201)).body.member;
    settle();
    const two = (await os.post(`${LB}/pools/${pool.id}/members`, { member: { name: 'two', address: '192.0.2.3', protocol_port: 81, subnet_id: subnetId } }).expect(201)).body.member;
    settle();
    const duplicate = await os.put(`${LB}/pools/${pool.id}/members`, { members: [{ address: '192.0.2.5', protocol_port: 82 }, { address: '192.0.2.5', protocol_port: 82 }] });
    expect(duplicate.status).toBe(409);
    await os
      .put(`${LB}/pools/${pool.id}/members`, { members: [{ name: 'two-new', address: '192.0.2.3', protocol_port: 81, weight: 7 }, { name: 'three', address: '192.0.2.5', protocol_port: 82, subnet_id: subnetId }] })
      .expect(202);
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer.provisioning_status).toBe('PENDING_UPDATE');
    settle();
    const members = (await os.get(`${LB}/pools/${pool.id}/members?sort=protocol_port:asc`)).body.members as { id: string; name: string; weight: number; protocol_port: number }[];
    expect(members.map((m) => [m.name, m.protocol_port, m.weight])).toEqual([
      ['two-new', 81, 7],
      ['three', 82, 1],
    ]);
    expect(members[0]!.id).toBe(two.id);
    expect(members.map((m) => m.id)).not.toContain(one.id);
  });

  it("keeps an HTTP listener's insert_headers and refuses them on a TCP listener", async () => {
    const { os, lb, settle } = await withLoadBalancer();
    const http = (await os.post(`${LB}/listeners`, { listener: { loadbalancer_id: lb.id, protocol: 'HTTP', protocol_port: 80, insert_headers: { 'X-Forwarded-For': 'true', 'X-Forwarded-Port': 'true' } } }).expect(201)).body.listener;
    expect(http.insert_headers).toEqual({ 'X-Forwarded-For': 'true', 'X-Forwarded-Port': 'true' });
    settle();
    // Switched off, they stay listed as Octavia lists them: "false".
    const off = (await os.put(`${LB}/listeners/${http.id}`, { listener: { insert_headers: { 'X-Forwarded-For': 'false', 'X-Forwarded-Port': 'False' } } }).expect(200)).body.listener;
    expect(off.insert_headers).toEqual({ 'X-Forwarded-For': 'false', 'X-Forwarded-Port': 'false' });
    settle();
    const tcp = await os.post(`${LB}/listeners`, { listener: { loadbalancer_id: lb.id, protocol: 'TCP', protocol_port: 22, insert_headers: { 'X-Forwarded-For': 'true' } } });
    expect(tcp.status).toBe(400);
    expect(tcp.body.faultstring).toBe('The following insert_headers are not valid for a TCP listener: X-Forwarded-For');
  });
});

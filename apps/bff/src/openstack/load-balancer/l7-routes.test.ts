import { startDataPlane, type DataPlane } from '@sandcloud/data-plane';
import { createEngine, ManualClock, type Engine } from '@sandcloud/engine';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../app.ts';
import { activatedProject, ADMIN, login } from '../../test-support/test-api.ts';
import { issueToken } from '../test-support.ts';

// Octavia's L7 policies and rules through the OpenStack API, and what they really do to HTTP
// requests through the load balancer's floating IP (the data plane): REJECT answers 403, a redirect
// its code and Location, REDIRECT_TO_POOL sends the request to the other pool's member. This file's
// floating pool is 198.18.31.x (→ 127.18.31.x) so it shares no loopback address with another file.

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';
const LB = '/load-balancer/v2.0/lbaas';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function openstack() {
  const clock = new ManualClock();
  const engine: Engine = createEngine({ clock, floatingPool: { start: '198.18.31.10', end: '198.18.31.250' } });
  engine.ensureAdmin(ADMIN.username, ADMIN.password);
  const app = createApp(engine);
  const projectId = await activatedProject(await login(app));
  const token = await issueToken(app, { project: { id: projectId } });
  const os = {
    get: (path: string) => request(app).get(path).set('X-Auth-Token', token),
    post: (path: string, body?: unknown) => request(app).post(path).set('X-Auth-Token', token).send(body as object),
    put: (path: string, body: unknown) => request(app).put(path).set('X-Auth-Token', token).send(body as object),
    delete: (path: string) => request(app).delete(path).set('X-Auth-Token', token),
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-bff-l7-'));
  let plane: DataPlane | null = null;
  cleanup = async () => {
    await plane?.close();
    engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const startPlane = async () => {
    plane = await startDataPlane(engine, { dataDir, privilegedPorts: true, log: () => undefined });
    await plane.settled();
  };
  /** Applies the load balancer's change (PENDING_UPDATE → ACTIVE). */
  const settle = () => engine.advance(2_000);
  return { engine, projectId, os, settle, startPlane };
}

/** A bare load balancer with an HTTP:80 listener, its default pool and a second pool of the load balancer only, each with one server. */
async function twoPools(options: { webServers: boolean }) {
  const api = await openstack();
  const { engine, projectId, os, settle } = api;
  await os.post('/compute/v2.1/os-keypairs', { keypair: { name: 'k' } }).expect(200);
  const servers: Record<string, { id: string; address: string }> = {};
  for (const name of ['web-a', 'web-b']) {
    const id = (await os.post('/compute/v2.1/servers', { server: { name, imageRef: UBUNTU, flavorRef: 'm2.c1m2', key_name: 'k' } }).expect(202)).body.server.id as string;
    servers[name] = { id, address: '' };
  }
  engine.advance(10_000);
  for (const server of Object.values(servers)) {
    const port = (await os.get(`/network/v2.0/ports?device_id=${server.id}`)).body.ports[0];
    server.address = port.fixed_ips[0].ip_address as string;
  }
  if (options.webServers) {
    const group = (await os.get('/network/v2.0/security-groups?name=default')).body.security_groups[0];
    await os
      .post('/network/v2.0/security-group-rules', { security_group_rule: { security_group_id: group.id, direction: 'ingress', protocol: 'tcp', port_range_min: 80, port_range_max: 80, remote_ip_prefix: '0.0.0.0/0' } })
      .expect(201);
    for (const [name, server] of Object.entries(servers)) {
      const session = engine.modules.guests.openSession(projectId, server.id);
      session.write(`echo '${name}' > index.html\r`);
      session.write('python3 -m http.server 80\r');
      await vi.waitFor(() => expect(engine.modules.guests.listeningPorts(server.id)).toEqual([80]), { timeout: 5_000, interval: 5 });
    }
  }
  const subnetId = (await os.get('/network/v2.0/subnets')).body.subnets[0].id as string;
  const lb = (await os.post(`${LB}/loadbalancers`, { loadbalancer: { name: 'lb', vip_subnet_id: subnetId } }).expect(201)).body.loadbalancer;
  engine.advance(5_000);
  const listener = (await os.post(`${LB}/listeners`, { listener: { loadbalancer_id: lb.id, protocol: 'HTTP', protocol_port: 80 } }).expect(201)).body.listener;
  settle();
  const poolA = (await os.post(`${LB}/pools`, { pool: { listener_id: listener.id, protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN', name: 'a' } }).expect(201)).body.pool;
  settle();
  await os.post(`${LB}/pools/${poolA.id}/members`, { member: { address: servers['web-a']!.address, protocol_port: 80 } }).expect(201);
  settle();
  const poolB = (await os.post(`${LB}/pools`, { pool: { loadbalancer_id: lb.id, protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN', name: 'b' } }).expect(201)).body.pool;
  settle();
  await os.post(`${LB}/pools/${poolB.id}/members`, { member: { address: servers['web-b']!.address, protocol_port: 80 } }).expect(201);
  settle();
  return { ...api, lb, listener, poolA, poolB };
}

/** One HTTP request to the floating IP's loopback address, as a client on this machine sends it. */
function get(address: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`http://${address}${path}`, { agent: false, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, location: res.headers.location }));
    });
    req.setTimeout(5_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

describe('Octavia L7 policies and rules', () => {
  it('really rejects, redirects and sends requests to the other pool through the floating IP', async () => {
    const { os, settle, startPlane, lb, listener, poolB } = await twoPools({ webServers: true });
    const external = (await os.get('/network/v2.0/networks?router:external=true')).body.networks[0].id as string;
    const fip = (await os.post('/network/v2.0/floatingips', { floatingip: { floating_network_id: external, port_id: lb.vip_port_id } }).expect(201)).body.floatingip;
    await startPlane();
    const address = (fip.floating_ip_address as string).replace(/^198\./, '127.');
    expect(await get(address, '/')).toMatchObject({ status: 200, body: 'web-a\n' });

    // REJECT /admin…: HAProxy's 403, the member never asked.
    const reject = (await os.post(`${LB}/l7policies`, { l7policy: { listener_id: listener.id, action: 'REJECT', name: 'no-admin' } }).expect(201)).body.l7policy;
    expect(reject).toMatchObject({ position: 1, provisioning_status: 'PENDING_CREATE', operating_status: 'OFFLINE', redirect_url: null, redirect_pool_id: null, rules: [] });
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer.provisioning_status).toBe('PENDING_UPDATE');
    settle();
    // A policy without rules takes no part (as Octavia leaves it out of HAProxy's configuration):
    // the member answers (its web server has no /admin).
    expect(await get(address, '/admin/users')).toMatchObject({ status: 404, body: expect.stringContaining('File not found') });
    const rule = (await os.post(`${LB}/l7policies/${reject.id}/rules`, { rule: { type: 'PATH', compare_type: 'STARTS_WITH', value: '/admin' } }).expect(201)).body.rule;
    expect(rule).toMatchObject({ type: 'PATH', compare_type: 'STARTS_WITH', value: '/admin', key: null, invert: false, admin_state_up: true, provisioning_status: 'PENDING_CREATE' });
    settle();
    expect((await os.get(`${LB}/l7policies/${reject.id}`)).body.l7policy).toMatchObject({ provisioning_status: 'ACTIVE', operating_status: 'ONLINE', rules: [{ id: rule.id }] });
    // The listener names its policies, as Octavia's listener view does.
    expect((await os.get(`${LB}/listeners/${listener.id}`)).body.listener.l7policies).toEqual([{ id: reject.id }]);
    const rejected = await get(address, '/admin/users');
    expect(rejected.status).toBe(403);
    expect(rejected.body).toContain('Request forbidden by administrative rules.');
    expect(await get(address, '/')).toMatchObject({ status: 200, body: 'web-a\n' });

    // REDIRECT_TO_POOL for requests with X-Beta: on — the other pool's member answers.
    const beta = (await os
      .post(`${LB}/l7policies`, { l7policy: { listener_id: listener.id, action: 'REDIRECT_TO_POOL', redirect_pool_id: poolB.id, rules: [{ type: 'HEADER', key: 'X-Beta', compare_type: 'EQUAL_TO', value: 'on' }] } })
      .expect(201)).body.l7policy;
    expect(beta).toMatchObject({ position: 2, redirect_pool_id: poolB.id });
    settle();
    expect(await get(address, '/', { 'X-Beta': 'on' })).toMatchObject({ status: 200, body: 'web-b\n' });
    expect(await get(address, '/', { 'X-Beta': 'off' })).toMatchObject({ status: 200, body: 'web-a\n' });
    // Position order: REJECT (1) decides before the redirect to pool b (2) for /admin.
    expect((await get(address, '/admin', { 'X-Beta': 'on' })).status).toBe(403);

    // REDIRECT_PREFIX for Host old.example.com: 301 to the new host with the path and query kept.
    await os
      .post(`${LB}/l7policies`, {
        l7policy: { listener_id: listener.id, action: 'REDIRECT_PREFIX', redirect_prefix: 'https://new.example.com', redirect_http_code: 301, position: 1, rules: [{ type: 'HOST_NAME', compare_type: 'EQUAL_TO', value: 'old.example.com' }] },
      })
      .expect(201);
    settle();
    expect(await get(address, '/admin/page?x=1', { Host: 'OLD.example.com' })).toMatchObject({ status: 301, location: 'https://new.example.com/admin/page?x=1' });
    // It took position 1: the others moved down.
    const positions = (await os.get(`${LB}/l7policies?listener_id=${listener.id}&sort=position:asc&fields=action&fields=position`)).body.l7policies;
    expect(positions).toEqual([
      { action: 'REDIRECT_PREFIX', position: 1 },
      { action: 'REJECT', position: 2 },
      { action: 'REDIRECT_TO_POOL', position: 3 },
    ]);

    // An inverted rule: REJECT every path that does not start with /admin … then the policy disabled.
    await os.put(`${LB}/l7policies/${reject.id}/rules/${rule.id}`, { rule: { invert: true } }).expect(200);
    settle();
    expect((await get(address, '/')).status).toBe(403);
    expect((await get(address, '/admin/')).status).toBe(404);
    await os.put(`${LB}/l7policies/${reject.id}`, { l7policy: { admin_state_up: false } }).expect(200);
    settle();
    expect((await os.get(`${LB}/l7policies/${reject.id}`)).body.l7policy).toMatchObject({ admin_state_up: false, operating_status: 'OFFLINE' });
    expect(await get(address, '/')).toMatchObject({ status: 200, body: 'web-a\n' });

    // The pool a policy redirects to cannot be deleted (Octavia's 409), nothing changed.
    const inUse = await os.delete(`${LB}/pools/${poolB.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body).toEqual({ faultcode: 'Client', faultstring: `Pool ${poolB.id} is in use by L7 policy ${beta.id}`, debuginfo: null });
    expect((await os.get(`${LB}/loadbalancers/${lb.id}`)).body.loadbalancer.provisioning_status).toBe('ACTIVE');
    expect(await get(address, '/', { 'X-Beta': 'on' })).toMatchObject({ status: 200, body: 'web-b\n' });
  }, 60_000);

  it('answers Octavia’s errors: 400 for bad rules and policies, 404 for unknown ids, 409 while the load balancer is not ACTIVE', async () => {
    const { engine, os, settle, lb, listener, poolB } = await twoPools({ webServers: false });
    const fault = (faultstring: string) => ({ faultcode: 'Client', faultstring, debuginfo: null });
    expect((await os.post(`${LB}/l7policies`, { l7policy: { listener_id: listener.id, action: 'REDIRECT_TO_URL' } }).expect(400)).body).toEqual(
      fault('Invalid L7 Policy arguments: redirect_url must not be None'),
    );
    expect((await os.post(`${LB}/l7policies`, { l7policy: { listener_id: listener.id, action: 'REDIRECT_TO_URL', redirect_url: 'not a url' } }).expect(400)).body).toEqual(fault('Not a valid URL: not a url'));
    expect((await os.post(`${LB}/l7policies`, { l7policy: { listener_id: 'nope', action: 'REJECT' } }).expect(404)).body).toEqual(fault('Listener nope not found.'));
    expect((await os.post(`${LB}/l7policies`, { l7policy: { listener_id: listener.id, action: 'REDIRECT_TO_POOL', redirect_pool_id: 'nope' } }).expect(404)).body).toEqual(fault('Pool nope not found.'));
    // A pool of another load balancer is not one this listener can send to (Octavia's `_pool_check`).
    const subnetId = (await os.get('/network/v2.0/subnets')).body.subnets[0].id as string;
    const otherLb = (await os.post(`${LB}/loadbalancers`, { loadbalancer: { name: 'other', vip_subnet_id: subnetId } }).expect(201)).body.loadbalancer;
    engine.advance(5_000);
    const foreign = (await os.post(`${LB}/pools`, { pool: { loadbalancer_id: otherLb.id, protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' } }).expect(201)).body.pool;
    settle();
    expect((await os.post(`${LB}/l7policies`, { l7policy: { listener_id: listener.id, action: 'REDIRECT_TO_POOL', redirect_pool_id: foreign.id } }).expect(404)).body).toEqual(fault(`Pool ${foreign.id} not found.`));
    // Bad bodies are 400s, never 500s.
    for (const body of [{}, { l7policy: [] }, { l7policy: { listener_id: listener.id, action: 'REJECT', tags: ['x'] } }, { l7policy: { listener_id: listener.id, action: 'REJECT', position: '1' } }]) {
      expect((await os.post(`${LB}/l7policies`, body)).status).toBe(400);
    }
    await os.post(`${LB}/l7policies`, { l7policy: { listener_id: listener.id, action: 'JUMP' } }).expect(400);
    await os.post(`${LB}/l7policies`, { l7policy: { listener_id: listener.id, action: 'REJECT', position: 0 } }).expect(400);
    expect((await os.get(`${LB}/l7policies/nope`).expect(404)).body).toEqual(fault('L7 Policy nope not found.'));
    expect((await os.get(`${LB}/l7policies`)).body).toEqual({ l7policies: [], l7policies_links: [] });

    const policy = (await os.post(`${LB}/l7policies`, { l7policy: { listener_id: listener.id, action: 'REDIRECT_TO_POOL', redirect_pool_id: poolB.id } }).expect(201)).body.l7policy;
    // Immutable while the change applies.
    expect((await os.post(`${LB}/l7policies/${policy.id}/rules`, { rule: { type: 'PATH', compare_type: 'EQUAL_TO', value: '/' } }).expect(409)).body).toEqual(
      fault(`Load Balancer ${lb.id} is immutable and cannot be updated.`),
    );
    settle();
    expect((await os.post(`${LB}/l7policies/${policy.id}/rules`, { rule: { type: 'HEADER', compare_type: 'EQUAL_TO', value: 'x' } }).expect(400)).body).toEqual(
      fault('Error parsing L7Rule: Invalid L7 Rule: L7 rule type requires a key'),
    );
    expect((await os.post(`${LB}/l7policies/${policy.id}/rules`, { rule: { type: 'FILE_TYPE', compare_type: 'CONTAINS', value: 'jpg' } }).expect(400)).body.faultstring).toBe(
      'Error parsing L7Rule: Invalid L7 Rule: invalid comparison type for rule type (FILE_TYPE with CONTAINS)',
    );
    expect((await os.post(`${LB}/l7policies/${policy.id}/rules`, { rule: { type: 'PATH', compare_type: 'REGEX', value: '(' } }).expect(400)).body.faultstring).toMatch(
      /^Error parsing L7Rule: Invalid L7 Rule: Unable to parse regular expression: /,
    );
    expect((await os.get(`${LB}/l7policies/${policy.id}/rules/nope`).expect(404)).body).toEqual(fault('L7 Rule nope not found.'));
    expect((await os.get(`${LB}/l7policies/${policy.id}/rules`)).body).toEqual({ rules: [], rules_links: [] });

    // Rules list: filters, sort by value, fields.
    for (const value of ['2', '1', '3']) {
      await os.post(`${LB}/l7policies/${policy.id}/rules`, { rule: { type: 'HEADER', key: `k${value}`, compare_type: 'EQUAL_TO', value, admin_state_up: value !== '3' } }).expect(201);
      settle();
    }
    const values = async (query: string) => ((await os.get(`${LB}/l7policies/${policy.id}/rules?${query}`)).body.rules as { value: string }[]).map((r) => r.value);
    expect(await values('')).toEqual(['2', '1', '3']);
    expect(await values('sort=value:desc')).toEqual(['3', '2', '1']);
    expect(await values('admin_state_up=true&sort=value:asc')).toEqual(['1', '2']);
    expect((await os.get(`${LB}/l7policies/${policy.id}/rules?fields=key&value=1`)).body.rules).toEqual([{ key: 'k1' }]);

    // Deleting the policy deletes its rules; the listener's policies are gone with it.
    await os.delete(`${LB}/l7policies/${policy.id}`).expect(204);
    settle();
    await os.get(`${LB}/l7policies/${policy.id}`).expect(404);
    await os.delete(`${LB}/pools/${poolB.id}`).expect(204);
  }, 60_000);
});

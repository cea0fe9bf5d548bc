import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeTestApi, prepareComputeProject } from '../test-support/compute-project.ts';
import { activatedProject, login } from '../test-support/test-api.ts';
import { addNetwork, removePort, TEST_CERTIFICATE_KEY_PEM, TEST_CERTIFICATE_PEM } from '@sandcloud/engine/testing';


interface Member {
  id: string;
  instanceId: string;
  instanceName: string;
  operatingStatus: string;
  adminStateUp: boolean;
  weight: number;
}

/** A project following the guide: two ACTIVE instances web-1, web-2 on the Default Network. */
async function setup() {
  const api = await computeTestApi();
  const { client, base } = api;
  const network = (await client.get(`${base}/networks`)).body.items[0] as { id: string; subnetId: string; cidr: string };
  /** Instances of the small flavor t2.c1m1 (name-1, name-2… when several). */
  const createInstances = (name: string, count: number, overrides: object = {}) => api.createInstances({ name, count, flavorId: 't2.c1m1', ...overrides });
  const [web1, web2] = await createInstances('web', 2);
  api.engine.advance(5_000);
  /** The guide's load balancer: ROUND_ROBIN, HTTP 80 → 80, both instances, health port 80. */
  const request = (overrides: { listener?: object; pool?: object; healthMonitor?: object; [key: string]: unknown } = {}) => {
    const { listener, pool, healthMonitor, ...top } = overrides;
    return {
      name: 'web-lb',
      description: 'guide',
      subnetId: network.subnetId,
      listener: { protocol: 'HTTP', protocolPort: 80, ...listener },
      pool: {
        lbAlgorithm: 'ROUND_ROBIN',
        memberPort: 80,
        members: [{ instanceId: web1.id }, { instanceId: web2!.id }],
        healthMonitor: { type: 'HTTP', monitorPort: 80, ...healthMonitor },
        ...pool,
      },
      ...top,
    };
  };
  const lbUrl = (id: string) => `${base}/load-balancers/${id}`;
  const get = async (id: string) => (await client.get(lbUrl(id)).expect(200)).body;
  return { ...api, network, web1, web2: web2!, groupId: api.defaultGroupId, request, lbUrl, get, createInstances };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Creates the guide's load balancer and waits until it is ACTIVE. */
async function activeLoadBalancer(s: Setup, overrides: Parameters<Setup['request']>[0] = {}) {
  const created = (await s.client.post(`${s.base}/load-balancers`, s.request(overrides)).expect(201)).body;
  s.engine.advance(4_000);
  return s.get(created.id);
}

const memberNamed = (lb: { listeners: { pool: { members: Member[] } }[] }, name: string) =>
  lb.listeners[0]!.pool.members.find((member) => member.instanceName === name)!;

describe('load balancers: the wizard', () => {
  it('creates the guide load balancer: a VIP from the subnet, PENDING_CREATE then ACTIVE and ONLINE', async () => {
    const s = await setup();
    const created = (await s.client.post(`${s.base}/load-balancers`, s.request()).expect(201)).body;
    expect(created).toMatchObject({
      name: 'web-lb',
      description: 'guide',
      provisioningStatus: 'PENDING_CREATE',
      operatingStatus: 'OFFLINE',
      vipAddress: '192.168.0.6',
      subnetCidr: '192.168.0.0/24',
      networkName: 'Default Network',
      floatingIp: null,
      stats: { totalConnections: 0, activeConnections: 0, totalRequests: 0, requestErrors: 0, bytesIn: 0, bytesOut: 0 },
    });
    expect(created.allowedActions).toEqual([]);
    const [listener] = created.listeners;
    expect(listener).toMatchObject({
      name: 'HTTP:80',
      protocol: 'HTTP',
      protocolPort: 80,
      connectionLimit: 2000,
      keepAliveTimeoutSeconds: 300,
      allowedCidrs: [],
      certificate: null,
      pool: {
        protocol: 'HTTP',
        lbAlgorithm: 'ROUND_ROBIN',
        memberPort: 80,
        sessionPersistence: null,
        healthMonitor: { type: 'HTTP', monitorPort: 80, delaySeconds: 5, timeoutSeconds: 5, maxRetries: 3, httpMethod: 'GET', urlPath: '/', expectedCodes: '200' },
      },
    });
    expect(listener.pool.members.map((m: Member & { address: string }) => [m.instanceName, m.address, m.weight])).toEqual([
      ['web-1', s.web1.privateIp, 1],
      ['web-2', s.web2.privateIp, 1],
    ]);

    // The VIP is a port owned by the load balancer, which the floating IP screens offer.
    const ports = (await s.client.get(`${s.base}/ports/attachable`)).body.items;
    expect(ports).toContainEqual(expect.objectContaining({ id: created.vipPortId, fixedIp: '192.168.0.6', deviceType: 'load-balancer', deviceId: created.id, deviceName: 'web-lb' }));

    s.engine.advance(3_999);
    expect((await s.get(created.id)).provisioningStatus).toBe('PENDING_CREATE');
    s.engine.advance(1);
    const active = await s.get(created.id);
    expect(active).toMatchObject({ provisioningStatus: 'ACTIVE', operatingStatus: 'ONLINE', allowedActions: ['update', 'delete'] });
    expect(active.listeners[0].pool.members.map((m: Member) => m.operatingStatus)).toEqual(['ONLINE', 'ONLINE']);
    expect((await s.client.get(`${s.base}/load-balancers`)).body).toMatchObject({ total: 1, items: [{ id: created.id, provisioningStatus: 'ACTIVE' }] });
  });

  it('validates every field of the wizard, naming the field', async () => {
    const s = await setup();
    const tls = (overrides: object = {}) => ({ tls: { certificatePem: TEST_CERTIFICATE_PEM, privateKeyPem: TEST_CERTIFICATE_KEY_PEM, ...overrides } });
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const cases: [Parameters<Setup['request']>[0], string, RegExp][] = [
      // 1. Definition
      [{ name: '' }, 'name', /name/i],
      [{ name: 'bad name!' }, 'name', /letters/],
      [{ description: 'x'.repeat(256) }, 'description', /255/],
      [{ subnetId: '' }, 'subnetId', /Network\(Subnet\)/],
      [{ subnetId: 'nope' }, 'subnetId', /No subnet/],
      // 2. Listener
      [{ pool: { lbAlgorithm: 'RANDOM' } }, 'pool.lbAlgorithm', /ROUND_ROBIN, LEAST_CONNECTIONS or SOURCE_IP/],
      [{ listener: { protocol: 'UDP' } }, 'listener.protocol', /TCP, HTTP, HTTPS or TERMINATED_HTTPS/],
      [{ listener: { protocolPort: 0 } }, 'listener.protocolPort', /Load Balancer Port is from 1 to 65535/],
      [{ listener: { protocolPort: 65536 } }, 'listener.protocolPort', /1 to 65535/],
      [{ listener: { protocolPort: 80.5 } }, 'listener.protocolPort', /whole number/],
      [{ listener: { protocolPort: '80' } }, 'listener.protocolPort', /number/],
      [{ pool: { memberPort: 0 } }, 'pool.memberPort', /Instance Port is from 1 to 65535/],
      [{ pool: { memberPort: 70000 } }, 'pool.memberPort', /Instance Port/],
      [{ listener: { protocol: 'TERMINATED_HTTPS', protocolPort: 443 } }, 'listener.tls.certificatePem', /needs a certificate/],
      [{ listener: { protocol: 'HTTP', ...tls() } }, 'listener.tls', /Only TERMINATED_HTTPS/],
      [{ listener: { protocol: 'TERMINATED_HTTPS', protocolPort: 443, ...tls({ certificatePem: '' }) } }, 'listener.tls.certificatePem', /Paste the certificate/],
      [{ listener: { protocol: 'TERMINATED_HTTPS', protocolPort: 443, ...tls({ certificatePem: 'not a certificate' }) } }, 'listener.tls.certificatePem', /BEGIN CERTIFICATE/],
      [{ listener: { protocol: 'TERMINATED_HTTPS', protocolPort: 443, ...tls({ privateKeyPem: TEST_CERTIFICATE_PEM }) } }, 'listener.tls.privateKeyPem', /BEGIN PRIVATE KEY/],
      [{ listener: { protocol: 'TERMINATED_HTTPS', protocolPort: 443, ...tls({ privateKeyPem: otherKey }) } }, 'listener.tls.privateKeyPem', /does not belong to the certificate/],
      // 3. Instances
      [{ pool: { members: [] } }, 'pool.members', /at least one instance/],
      [{ pool: { members: [{ instanceId: s.web1.id }, { instanceId: s.web1.id }] } }, 'pool.members.1.instanceId', /web-1 is added twice/],
      [{ pool: { members: [{ instanceId: s.web1.id, weight: 257 }] } }, 'pool.members.0.weight', /Weight is from 0 to 256/],
      [{ pool: { members: [{ instanceId: 'nope' }] } }, 'pool.members.0.instanceId', /No instance with id nope/],
      // 4. Health check
      [{ healthMonitor: { type: 'UDP' } }, 'pool.healthMonitor.type', /TCP, HTTP or HTTPS/],
      [{ healthMonitor: { monitorPort: 0 } }, 'pool.healthMonitor.monitorPort', /Health Port is from 1 to 65535/],
      [{ healthMonitor: { delaySeconds: 0 } }, 'pool.healthMonitor.delaySeconds', /Interval/],
      [{ healthMonitor: { delaySeconds: 5, timeoutSeconds: 6 } }, 'pool.healthMonitor.timeoutSeconds', /timeout \(6 s\) cannot be longer than the interval \(5 s\)/],
      [{ healthMonitor: { maxRetries: 0 } }, 'pool.healthMonitor.maxRetries', /Max retries is from 1 to 10/],
      [{ healthMonitor: { maxRetries: 11 } }, 'pool.healthMonitor.maxRetries', /1 to 10/],
      [{ healthMonitor: { httpMethod: 'FETCH' } }, 'pool.healthMonitor.httpMethod', /GET/],
      [{ healthMonitor: { urlPath: 'health' } }, 'pool.healthMonitor.urlPath', /starts with "\/"/],
      [{ healthMonitor: { urlPath: '/my page' } }, 'pool.healthMonitor.urlPath', /no spaces/],
      [{ healthMonitor: { expectedCodes: '2xx' } }, 'pool.healthMonitor.expectedCodes', /one code \(200\), a list \(200,202\) or a range \(200-204\)/],
      [{ healthMonitor: { expectedCodes: '200-' } }, 'pool.healthMonitor.expectedCodes', /range/],
      [{ healthMonitor: { expectedCodes: '204-200' } }, 'pool.healthMonitor.expectedCodes', /ends before it starts/],
      [{ healthMonitor: { expectedCodes: '200,700' } }, 'pool.healthMonitor.expectedCodes', /100 to 599/],
      // 5. Advanced connection options
      [{ pool: { sessionPersistence: { type: 'STICKY' } } }, 'pool.sessionPersistence.type', /SOURCE_IP, HTTP_COOKIE or APP_COOKIE/],
      [{ pool: { sessionPersistence: { type: 'APP_COOKIE' } } }, 'pool.sessionPersistence.cookieName', /name of the application cookie/],
      [{ pool: { sessionPersistence: { type: 'APP_COOKIE', cookieName: 'my cookie' } } }, 'pool.sessionPersistence.cookieName', /no spaces/],
      [{ pool: { sessionPersistence: { type: 'SOURCE_IP', cookieName: 'JSESSIONID' } } }, 'pool.sessionPersistence.cookieName', /Only APP_COOKIE/],
      [{ listener: { protocol: 'TCP' }, pool: { sessionPersistence: { type: 'HTTP_COOKIE' } } }, 'pool.sessionPersistence.type', /cannot read cookies/],
      [{ listener: { connectionLimit: 0 } }, 'listener.connectionLimit', /Connection limit is from 1 to 100000/],
      [{ listener: { keepAliveTimeoutSeconds: 0 } }, 'listener.keepAliveTimeoutSeconds', /Keep-alive timeout \(s\) is from 1 to 3600/],
      [{ listener: { keepAliveTimeoutSeconds: 3601 } }, 'listener.keepAliveTimeoutSeconds', /1 to 3600/],
      [{ listener: { allowedCidrs: ['10.0.0.5/8'] } }, 'listener.allowedCidrs.0', /10\.0\.0\.5\/8/],
      [{ extra: true }, 'extra', /Unknown field extra/],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await s.client.post(`${s.base}/load-balancers`, s.request(overrides));
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(response.body.error.field, JSON.stringify(overrides)).toBe(field);
      expect(response.body.error.message, JSON.stringify(overrides)).toMatch(message);
    }
    // Nothing was created, and no address was taken by a refused request.
    expect((await s.client.get(`${s.base}/load-balancers`)).body.total).toBe(0);
    const created = (await s.client.post(`${s.base}/load-balancers`, s.request()).expect(201)).body;
    expect(created.vipAddress).toBe('192.168.0.6');
  });

  it('accepts every choice of the wizard: protocols, algorithms, persistence, checks, ranges of codes', async () => {
    const s = await setup();
    const variants: Parameters<Setup['request']>[0][] = [
      { listener: { protocol: 'TCP', protocolPort: 3306 }, pool: { lbAlgorithm: 'LEAST_CONNECTIONS', memberPort: 3306, sessionPersistence: { type: 'SOURCE_IP' } }, healthMonitor: { type: 'TCP', monitorPort: 3306 } },
      { listener: { protocol: 'HTTPS', protocolPort: 443 }, pool: { lbAlgorithm: 'SOURCE_IP', memberPort: 443 }, healthMonitor: { type: 'HTTPS', monitorPort: 443, expectedCodes: '200-204', httpMethod: 'HEAD' } },
      { listener: { protocol: 'HTTP', connectionLimit: 100_000, keepAliveTimeoutSeconds: 3600 }, pool: { sessionPersistence: { type: 'APP_COOKIE', cookieName: 'JSESSIONID' } }, healthMonitor: { expectedCodes: '200,202', urlPath: '/health?full=1', delaySeconds: 10, timeoutSeconds: 10, maxRetries: 10 } },
      { listener: { protocol: 'TERMINATED_HTTPS', protocolPort: 443, tls: { certificatePem: TEST_CERTIFICATE_PEM, privateKeyPem: TEST_CERTIFICATE_KEY_PEM } }, pool: { sessionPersistence: { type: 'HTTP_COOKIE' } } },
    ];
    for (const [index, variant] of variants.entries()) {
      const response = await s.client.post(`${s.base}/load-balancers`, s.request({ ...variant, name: `lb-${index}` }));
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    const all = (await s.client.get(`${s.base}/load-balancers`)).body.items;
    const items = [0, 1, 2, 3].map((index) => all.find((lb: { name: string }) => lb.name === `lb-${index}`));
    expect(items[0].listeners[0].pool.healthMonitor).toMatchObject({ type: 'TCP', httpMethod: null, urlPath: null, expectedCodes: null });
    expect(items[1].listeners[0].pool.protocol).toBe('HTTPS');
    expect(items[2].listeners[0]).toMatchObject({ connectionLimit: 100_000, pool: { sessionPersistence: { type: 'APP_COOKIE', cookieName: 'JSESSIONID' } } });
    const terminated = items[3].listeners[0];
    expect(terminated).toMatchObject({ protocol: 'TERMINATED_HTTPS', pool: { protocol: 'HTTP' }, certificate: { subject: 'CN=lb.example.test' } });
    expect(JSON.stringify(items)).not.toContain('PRIVATE KEY');
    expect(new Set(items.map((lb: { vipAddress: string }) => lb.vipAddress)).size).toBe(4);
  });

  it('refuses members from another subnet or another project', async () => {
    const s = await setup();
    // Another project with its own instance.
    const other = await prepareComputeProject(s.client, await activatedProject(s.client, 'other'));
    const [foreign] = await other.createInstances({ name: 'foreign', flavorId: 't2.c1m1' });
    // A second network in this project, with an instance on its subnet.
    const networkId = 'aaaaaaaa-0000-4000-8000-000000000001';
    addNetwork(s.engine, s.projectId, { id: networkId, subnetId: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'db-net', cidr: '10.0.0.0/24', routed: false });
    const [elsewhere] = await s.createInstances('db', 1, { networkId });

    const fromProject = await s.client.post(`${s.base}/load-balancers`, s.request({ pool: { members: [{ instanceId: foreign.id }] } })).expect(400);
    expect(fromProject.body.error).toMatchObject({ field: 'pool.members.0.instanceId', message: `No instance with id ${foreign.id} in this project` });
    const fromSubnet = await s.client.post(`${s.base}/load-balancers`, s.request({ pool: { members: [{ instanceId: s.web1.id }, { instanceId: elsewhere.id }] } })).expect(400);
    expect(fromSubnet.body.error).toMatchObject({ field: 'pool.members.1.instanceId', message: "db is not on the load balancer's subnet 192.168.0.0/24; members must be on the same subnet" });

    // The same rules when adding a member later, and an instance cannot be in a pool twice.
    const lb = await activeLoadBalancer(s, { pool: { members: [{ instanceId: s.web1.id }] } });
    const members = `${s.lbUrl(lb.id)}/listeners/${lb.listeners[0].id}/members`;
    expect((await s.client.post(members, { instanceId: foreign.id }).expect(400)).body.error.field).toBe('instanceId');
    expect((await s.client.post(members, { instanceId: elsewhere.id }).expect(400)).body.error.message).toMatch(/not on the load balancer's subnet/);
    const twice = await s.client.post(members, { instanceId: s.web1.id }).expect(409);
    expect(twice.body.error.message).toBe('web-1 is already a member of listener HTTP:80');
    const added = (await s.client.post(members, { instanceId: s.web2.id, weight: 3 }).expect(201)).body;
    expect(added.provisioningStatus).toBe('PENDING_UPDATE');
    expect(memberNamed(added, 'web-2')).toMatchObject({ weight: 3, operatingStatus: 'ONLINE' });
  });
});

describe('load balancers: listeners', () => {
  it('several listeners, each port once; the load balancer is immutable while PENDING_UPDATE; the last listener stays', async () => {
    const s = await setup();
    const lb = await activeLoadBalancer(s);
    const listeners = `${s.lbUrl(lb.id)}/listeners`;
    const second = {
      listener: { protocol: 'TCP', protocolPort: 8080 },
      pool: { lbAlgorithm: 'LEAST_CONNECTIONS', memberPort: 8080, members: [{ instanceId: s.web2.id }], healthMonitor: { type: 'TCP', monitorPort: 8080 } },
    };
    const added = (await s.client.post(listeners, second).expect(201)).body;
    expect(added.provisioningStatus).toBe('PENDING_UPDATE');
    expect(added.listeners.map((l: { name: string; provisioningStatus: string }) => [l.name, l.provisioningStatus])).toEqual([
      ['HTTP:80', 'ACTIVE'],
      ['TCP:8080', 'PENDING_CREATE'],
    ]);
    const busy = await s.client.post(listeners, { ...second, listener: { protocol: 'TCP', protocolPort: 9090 } }).expect(409);
    expect(busy.body.error.message).toBe('Cannot update load balancer web-lb while it is PENDING_UPDATE');
    s.engine.advance(1_000);
    const settled = await s.get(lb.id);
    expect(settled.provisioningStatus).toBe('ACTIVE');
    expect(settled.listeners.map((l: { provisioningStatus: string }) => l.provisioningStatus)).toEqual(['ACTIVE', 'ACTIVE']);

    const duplicate = await s.client.post(listeners, { ...second, listener: { protocol: 'HTTP', protocolPort: 80 } }).expect(409);
    expect(duplicate.body.error).toMatchObject({ field: 'listener.protocolPort', message: 'web-lb already has listener HTTP:80 on port 80; a port can be used by one listener only' });

    const updated = (await s.client.patch(`${listeners}/${settled.listeners[0].id}`, { connectionLimit: 500, lbAlgorithm: 'SOURCE_IP', allowedCidrs: ['198.51.100.0/24'] }).expect(200)).body;
    expect(updated.listeners[0]).toMatchObject({ connectionLimit: 500, allowedCidrs: ['198.51.100.0/24'], pool: { lbAlgorithm: 'SOURCE_IP' } });
    s.engine.advance(1_000);
    const cookieOnTcp = await s.client.patch(`${listeners}/${settled.listeners[1].id}`, { sessionPersistence: { type: 'HTTP_COOKIE' } }).expect(400);
    expect(cookieOnTcp.body.error.field).toBe('sessionPersistence.type');

    await s.client.delete(`${listeners}/${settled.listeners[1].id}`).expect(200);
    s.engine.advance(1_000);
    const last = await s.client.delete(`${listeners}/${settled.listeners[0].id}`).expect(409);
    expect(last.body.error.message).toBe('Listener HTTP:80 is the last listener of web-lb; delete the load balancer instead');
    expect((await s.get(lb.id)).listeners).toHaveLength(1);
  });
});

describe('load balancers: health checks under the manual clock', () => {
  it('a member whose instance stops goes OFFLINE after max retries × interval (LB DEGRADED), and ONLINE after as many successes', async () => {
    const s = await setup();
    const lb = await activeLoadBalancer(s); // health checks every 5 s from creation, 3 retries
    // t = 4 s after creation: web-1 is asked to stop; it is SHUTOFF at t = 7 s.
    await s.client.post(`${s.base}/instances/${s.web1.id}/actions`, { action: 'stop' }).expect(202);
    s.engine.advance(3_000);
    expect((await s.client.get(`${s.base}/instances/${s.web1.id}`)).body.status).toBe('SHUTOFF');
    expect(memberNamed(await s.get(lb.id), 'web-1').operatingStatus).toBe('ONLINE');

    s.engine.advance(2 * 5_000); // two failed checks (t = 10, 15): not yet
    let current = await s.get(lb.id);
    expect(memberNamed(current, 'web-1').operatingStatus).toBe('ONLINE');
    expect(current.operatingStatus).toBe('ONLINE');

    s.engine.advance(5_000); // the third (t = 20): OFFLINE
    current = await s.get(lb.id);
    expect(memberNamed(current, 'web-1').operatingStatus).toBe('OFFLINE');
    expect(memberNamed(current, 'web-2').operatingStatus).toBe('ONLINE');
    expect(current.operatingStatus).toBe('DEGRADED');
    expect(current.listeners[0].operatingStatus).toBe('DEGRADED');
    expect(current.provisioningStatus).toBe('ACTIVE');

    // t = 23 s: start it; ACTIVE at t = 26 s; checks succeed at 30, 35, 40.
    s.engine.advance(1_000);
    await s.client.post(`${s.base}/instances/${s.web1.id}/actions`, { action: 'start' }).expect(202);
    s.engine.advance(3_000);
    expect((await s.client.get(`${s.base}/instances/${s.web1.id}`)).body.status).toBe('ACTIVE');
    s.engine.advance(2 * 5_000);
    expect(memberNamed(await s.get(lb.id), 'web-1').operatingStatus).toBe('OFFLINE');
    s.engine.advance(5_000);
    current = await s.get(lb.id);
    expect(memberNamed(current, 'web-1').operatingStatus).toBe('ONLINE');
    expect(current.operatingStatus).toBe('ONLINE');

    const history = (await s.client.get(`${s.lbUrl(lb.id)}/history`)).body.items.map((entry: { message: string }) => entry.message);
    expect(history).toEqual(expect.arrayContaining(['Operating status ONLINE → DEGRADED', 'Operating status DEGRADED → ONLINE']));
  });

  it('every member down makes the load balancer OFFLINE; a disabled member takes no part', async () => {
    const s = await setup();
    const lb = await activeLoadBalancer(s, { healthMonitor: { delaySeconds: 2, timeoutSeconds: 1, maxRetries: 1 } });
    const web2 = memberNamed(lb, 'web-2');
    const disabled = (await s.client.patch(`${s.lbUrl(lb.id)}/members/${web2.id}`, { adminStateUp: false }).expect(200)).body;
    expect(memberNamed(disabled, 'web-2')).toMatchObject({ adminStateUp: false, operatingStatus: 'OFFLINE' });
    expect(disabled.operatingStatus).toBe('ONLINE');
    s.engine.advance(1_000);

    await s.client.post(`${s.base}/instances/bulk-actions`, { action: 'stop', instanceIds: [s.web1.id, s.web2.id] }).expect(200);
    s.engine.advance(3_000 + 2_000);
    expect((await s.get(lb.id)).operatingStatus).toBe('OFFLINE');

    const enabled = (await s.client.patch(`${s.lbUrl(lb.id)}/members/${web2.id}`, { adminStateUp: true, weight: 5 }).expect(200)).body;
    expect(memberNamed(enabled, 'web-2')).toMatchObject({ adminStateUp: true, weight: 5, operatingStatus: 'ONLINE' });
    s.engine.advance(2_000);
    expect(memberNamed(await s.get(lb.id), 'web-2').operatingStatus).toBe('OFFLINE');
  });

  it('the health check can be edited; the timeout may not exceed the interval', async () => {
    const s = await setup();
    const lb = await activeLoadBalancer(s);
    const url = `${s.lbUrl(lb.id)}/listeners/${lb.listeners[0].id}/health-monitor`;
    const tooLong = await s.client.put(url, { type: 'TCP', monitorPort: 80, delaySeconds: 3, timeoutSeconds: 4 }).expect(400);
    expect(tooLong.body.error).toMatchObject({ field: 'timeoutSeconds', message: 'The timeout (4 s) cannot be longer than the interval (3 s)' });
    const edited = (await s.client.put(url, { type: 'TCP', monitorPort: 8080, delaySeconds: 1, timeoutSeconds: 1, maxRetries: 2 }).expect(200)).body;
    expect(edited.listeners[0].pool.healthMonitor).toEqual({ type: 'TCP', monitorPort: 8080, delaySeconds: 1, timeoutSeconds: 1, maxRetries: 2, httpMethod: null, urlPath: null, expectedCodes: null });
    s.engine.advance(1_000);
    await s.client.post(`${s.base}/instances/${s.web1.id}/actions`, { action: 'stop' }).expect(202);
    s.engine.advance(3_000 + 2 * 1_000); // SHUTOFF, then two one-second checks
    expect(memberNamed(await s.get(lb.id), 'web-1').operatingStatus).toBe('OFFLINE');
  });

  it('the probe is a seam: a replacement (even async) decides the member health', async () => {
    const s = await setup();
    const lb = await activeLoadBalancer(s, { healthMonitor: { maxRetries: 2 } });
    const seen: string[] = [];
    s.engine.modules.loadBalancers.setHealthProbe(async (member, monitor) => {
      seen.push(`${member.name}:${monitor.monitorPort}${monitor.urlPath}`);
      return member.name !== 'web-2';
    });
    s.engine.advance(2 * 5_000);
    await new Promise((resolve) => setImmediate(resolve));
    const current = await s.get(lb.id);
    expect(memberNamed(current, 'web-2').operatingStatus).toBe('OFFLINE');
    expect(memberNamed(current, 'web-1').operatingStatus).toBe('ONLINE');
    expect(current.operatingStatus).toBe('DEGRADED');
    expect(seen).toContain('web-2:80/');
    s.engine.modules.loadBalancers.setHealthProbe(() => {
      throw new Error('probe crashed');
    });
    s.engine.advance(2 * 5_000);
    expect((await s.get(lb.id)).operatingStatus).toBe('OFFLINE');
  });
});

describe('load balancers: floating IP, reachability, statistics and deletion', () => {
  it('a floating IP on the VIP; reachability follows listener ports, allowed CIDRs, health and member rules', async () => {
    const s = await setup();
    const lb = await activeLoadBalancer(s);
    const test = async (body: object) => (await s.client.post(`${s.lbUrl(lb.id)}/connectivity-test`, body).expect(200)).body;
    expect((await test({ port: 80 })).reason.code).toBe('NO_FLOATING_IP');

    const fip = (await s.client.post(`${s.base}/floating-ips`).expect(201)).body;
    await s.client.post(`${s.base}/floating-ips/${fip.id}/associate`, { portId: lb.vipPortId }).expect(200);
    expect((await s.get(lb.id)).floatingIp).toEqual({ id: fip.id, address: fip.address });
    const listed = (await s.client.get(`${s.base}/floating-ips`)).body.items[0];
    expect(listed).toMatchObject({ fixedIp: '192.168.0.6', target: { type: 'load-balancer', id: lb.id, name: 'web-lb' } });

    // The default group lets nothing in from the load balancer: the members block it.
    const blocked = await test({ port: 80 });
    expect(blocked).toMatchObject({ allowed: false, target: `${fip.address}:80`, reason: { code: 'MEMBERS_BLOCKED' }, listener: { name: 'HTTP:80' } });
    expect(blocked.members.map((m: { reachable: boolean }) => m.reachable)).toEqual([false, false]);
    await s.client
      .post(`${s.base}/security-groups/${s.groupId}/rules`, { direction: 'ingress', protocol: 'tcp', portRangeMin: 80, portRangeMax: 80, remoteIpPrefix: '0.0.0.0/0' })
      .expect(201);
    const allowed = await test({ port: 80 });
    expect(allowed).toMatchObject({ allowed: true, reason: { code: 'ALLOWED_BY_LISTENER' } });
    expect(allowed.reason.message).toMatch(/forwards to 2 of 2 members \(ROUND_ROBIN\)/);

    const noListener = await test({ port: 22 });
    expect(noListener).toMatchObject({ allowed: false, reason: { code: 'NO_LISTENER' } });
    expect(noListener.reason.message).toMatch(/listens on HTTP 80/);
    expect((await s.client.post(`${s.lbUrl(lb.id)}/connectivity-test`, { port: 0 }).expect(400)).body.error.field).toBe('port');

    await s.client.patch(`${s.lbUrl(lb.id)}/listeners/${lb.listeners[0].id}`, { allowedCidrs: ['10.0.0.0/8'] }).expect(200);
    expect((await test({ port: 80 })).reason.code).toBe('SOURCE_NOT_ALLOWED');
    expect((await test({ port: 80, sourceIp: '10.1.2.3' })).allowed).toBe(true);
  });

  it('keeps statistics counters the data plane adds to', async () => {
    const s = await setup();
    const lb = await activeLoadBalancer(s);
    const { loadBalancers } = s.engine.modules;
    loadBalancers.recordTraffic(lb.id, { totalConnections: 1, activeConnections: 1, totalRequests: 1 });
    loadBalancers.recordTraffic(lb.id, { activeConnections: -1, bytesIn: 420, bytesOut: 1_337 });
    loadBalancers.recordTraffic(lb.id, { activeConnections: -5 });
    expect((await s.get(lb.id)).stats).toEqual({ totalConnections: 1, activeConnections: 0, totalRequests: 1, requestErrors: 0, bytesIn: 420, bytesOut: 1_337 });
    // The round robin of the guide, as the data plane will ask for it.
    const picks = [1, 2, 3, 4].map(() => loadBalancers.pickMember(lb.id, 80, { clientIp: '198.51.100.77' })?.member.name);
    expect(picks).toEqual(['web-1', 'web-2', 'web-1', 'web-2']);
    expect(loadBalancers.pickMember(lb.id, 22, { clientIp: '198.51.100.77' })).toBeNull();
  });

  it('deleting a member instance removes the member; deleting the load balancer frees its VIP and floating IP', async () => {
    const s = await setup();
    const lb = await activeLoadBalancer(s);
    await s.client.delete(`${s.base}/instances/${s.web2.id}`).expect(202);
    s.engine.advance(2_000);
    let current = await s.get(lb.id);
    expect(current.listeners[0].pool.members.map((m: Member) => m.instanceName)).toEqual(['web-1']);
    expect(current.provisioningStatus).toBe('PENDING_UPDATE');
    s.engine.advance(1_000);
    current = await s.get(lb.id);
    expect(current).toMatchObject({ provisioningStatus: 'ACTIVE', operatingStatus: 'ONLINE' });

    const fip = (await s.client.post(`${s.base}/floating-ips`).expect(201)).body;
    await s.client.post(`${s.base}/floating-ips/${fip.id}/associate`, { portId: lb.vipPortId }).expect(200);
    const deleting = (await s.client.delete(s.lbUrl(lb.id)).expect(202)).body;
    expect(deleting).toMatchObject({ provisioningStatus: 'PENDING_DELETE', allowedActions: [] });
    await s.client.delete(s.lbUrl(lb.id)).expect(409);
    s.engine.advance(2_000);
    await s.client.get(s.lbUrl(lb.id)).expect(404);
    expect((await s.client.get(`${s.base}/floating-ips`)).body.items[0]).toMatchObject({ address: fip.address, status: 'DOWN', portId: null });
    expect((await s.client.get(`${s.base}/ports/attachable`)).body.items.some((p: { deviceType: string }) => p.deviceType === 'load-balancer')).toBe(false);
    // The VIP address is free again.
    const next = await s.createInstances('next', 2);
    expect(next.map((instance) => instance.privateIp)).toEqual(['192.168.0.5', lb.vipAddress]);
  });

  it('goes to ERROR when its VIP port is gone; it can then only be deleted', async () => {
    const s = await setup();
    const lb = await activeLoadBalancer(s);
    removePort(s.engine, lb.vipPortId);
    s.engine.advance(5_000);
    const broken = await s.get(lb.id);
    expect(broken).toMatchObject({ provisioningStatus: 'ERROR', operatingStatus: 'OFFLINE', allowedActions: ['delete'] });
    expect(broken.errorReason).toMatch(/VIP port 192\.168\.0\.6 is gone/);
    await s.client.patch(s.lbUrl(lb.id), { name: 'renamed' }).expect(409);
    await s.client.delete(s.lbUrl(lb.id)).expect(202);
    s.engine.advance(2_000);
    await s.client.get(s.lbUrl(lb.id)).expect(404);
  });

  it('renames, 404s for unknown ids, and a viewer can read but not change', async () => {
    const s = await setup();
    const lb = await activeLoadBalancer(s);
    const renamed = (await s.client.patch(s.lbUrl(lb.id), { name: 'renamed-lb', description: 'new' }).expect(200)).body;
    expect(renamed).toMatchObject({ name: 'renamed-lb', description: 'new', provisioningStatus: 'PENDING_UPDATE' });
    s.engine.advance(1_000);
    expect((await s.client.get(`${s.base}/ports/attachable`)).body.items).toContainEqual(expect.objectContaining({ deviceName: 'renamed-lb' }));
    await s.client.get(s.lbUrl('nope')).expect(404);
    await s.client.patch(`${s.lbUrl(lb.id)}/members/nope`, { weight: 2 }).expect(404);

    await s.client.post('/users', { username: 'watcher', password: 'watcher-pass' }).expect(201);
    await s.client.put(`/projects/${s.projectId}/members`, { username: 'watcher', role: 'viewer' }).expect(200);
    const viewer = await login(s.app, 'watcher', 'watcher-pass');
    await viewer.get(`${s.base}/load-balancers`).expect(200);
    expect((await viewer.post(`${s.base}/load-balancers`, s.request({ name: 'mine' })).expect(403)).body.error.code).toBe('FORBIDDEN');
    await viewer.delete(s.lbUrl(lb.id)).expect(403);
  });
});

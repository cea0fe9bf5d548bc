import { LIST_SORT_FIELDS, type ListResource } from '@sandcloud/api-schemas';
import { describe, expect, it } from 'vitest';
import { computeTestApi } from '../test-support/compute-project.ts';
import { listSpec } from './paginate.ts';

type Named = { id: string; name: string };
type MemberRow = { id: string; instanceName: string; weight: number; address: string };
const names = (body: { items: Named[] }) => body.items.map((item) => item.name);
const memberNames = (body: { items: MemberRow[] }) => body.items.map((item) => item.instanceName);

/** A project with five instances, a floating IP and the guide's load balancer over web-1…web-5 (HTTP 80). */
async function project() {
  const api = await computeTestApi();
  const { client, base, engine } = api;
  const instances = await api.createInstances({ name: 'web', count: 5, flavorId: 't2.c1m1' });
  engine.advance(5_000);
  await client.post(`${base}/floating-ips`, {}).expect(201);
  const volume = (await client.post(`${base}/volumes`, { name: 'data', sizeGb: 10 }).expect(201)).body as { id: string };
  const network = (await client.get(`${base}/networks`).expect(200)).body.items[0] as { subnetId: string };
  const created = await client
    .post(`${base}/load-balancers`, {
      name: 'web-lb',
      subnetId: network.subnetId,
      listener: { protocol: 'HTTP', protocolPort: 80 },
      pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: instances.map((instance, index) => ({ instanceId: instance.id, weight: 5 - index })), healthMonitor: { type: 'HTTP', monitorPort: 80 } },
    })
    .expect(201);
  engine.advance(4_000);
  const lb = (await client.get(`${base}/load-balancers/${created.body.id}`).expect(200)).body as { id: string; listeners: { id: string }[] };
  const listenerId = lb.listeners[0]!.id;
  return { ...api, instances, lb, listenerId, volumeId: volume.id, membersUrl: `${base}/load-balancers/${lb.id}/listeners/${listenerId}/members` };
}

describe('sort fields shared by the BFF and the console (LIST_SORT_FIELDS)', () => {
  it('refuses a list spec whose sort fields differ from the shared ones, naming both', () => {
    const base = { id: (row: Named) => row.id, search: (row: Named) => [row.name] };
    const sort = { name: (row: Named) => row.name, createdAt: () => 0 };
    expect(() => listSpec<Named, 'routing-tables'>('routing-tables', { ...base, sort })).not.toThrow();
    // The compile-time check (an extra field is a type error) is what keeps the code honest; the runtime
    // check catches a spec built from a computed object.
    const extra = { ...sort, colour: () => 'red' } as typeof sort;
    expect(() => listSpec<Named, 'routing-tables'>('routing-tables', { ...base, sort: extra })).toThrow(
      'The "routing-tables" list sorts by name, createdAt, colour, but LIST_SORT_FIELDS names name, createdAt',
    );
  });

  it('every project list sorts by each of its shared fields and answers 400 naming them for any other', async () => {
    const { client, base, lb, listenerId, defaultGroupId, instances, projectId, volumeId } = await project();
    const urls: Partial<Record<ListResource, string>> = {
      instances: `${base}/instances`,
      'key-pairs': `${base}/key-pairs`,
      images: `${base}/images`,
      volumes: `${base}/volumes`,
      'volume-snapshots': `${base}/volume-snapshots`,
      'attachable-instances': `${base}/volumes/${volumeId}/attachable-instances`,
      'floating-ips': `${base}/floating-ips`,
      'attachable-ports': `${base}/ports/attachable`,
      'security-groups': `${base}/security-groups`,
      'security-group-rules': `${base}/security-groups/${defaultGroupId}/rules`,
      'load-balancers': `${base}/load-balancers`,
      'load-balancer-listeners': `${base}/load-balancers/${lb.id}/listeners`,
      'load-balancer-members': `${base}/load-balancers/${lb.id}/listeners/${listenerId}/members`,
      networks: `${base}/networks`,
      vpcs: `${base}/vpcs`,
      subnets: `${base}/subnets`,
      'routing-tables': `${base}/routing-tables`,
      'network-interfaces': `${base}/network-interfaces`,
      'flow-logs': `${base}/instances/${instances[0].id}/flow-logs`,
      'instance-history': `${base}/instances/${instances[0].id}/history`,
      users: '/users',
      'project-members': `/projects/${projectId}/members`,
    };
    expect(Object.keys(urls).sort()).toEqual(Object.keys(LIST_SORT_FIELDS).sort());
    for (const [resource, url] of Object.entries(urls) as [ListResource, string][]) {
      const fields: readonly string[] = LIST_SORT_FIELDS[resource];
      for (const field of fields) {
        const response = await client.get(`${url}?sort=${field}&order=desc`);
        expect({ resource, field, status: response.status }).toEqual({ resource, field, status: 200 });
      }
      const refused = await client.get(`${url}?sort=colour`).expect(400);
      expect(refused.body.error).toEqual({
        code: 'INVALID_INPUT',
        field: 'sort',
        message: `Cannot sort by "colour": sort by ${fields.join(', ')}`,
        messageCode: 'list.unknownSort',
        params: { sort: 'colour', known: fields.join(', ') },
      });
    }
  });

  it('looks up chosen rows by id on any list (?id=a,b), past any page', async () => {
    const { client, base, instances } = await project();
    const [first, , third] = instances;
    const found = (await client.get(`${base}/instances?id=${third!.id},${first.id}&sort=name`).expect(200)).body;
    expect(found).toMatchObject({ total: 2 });
    expect(names(found)).toEqual(['web-1', 'web-3']);
    expect((await client.get(`${base}/instances?id=nope`).expect(200)).body.total).toBe(0);
  });
});

describe('instances a volume can attach to, searched by the server', () => {
  it('searches and sorts the candidates and filters those that can take it now', async () => {
    const { client, base, volumeId, engine } = await project();
    const url = `${base}/volumes/${volumeId}/attachable-instances`;
    engine.advance(3_000);
    expect((await client.get(`${url}?q=web-4`).expect(200)).body).toMatchObject({ total: 1, items: [{ name: 'web-4' }] });
    const desc = (await client.get(`${url}?sort=name&order=desc&limit=2`).expect(200)).body;
    expect(desc).toMatchObject({ total: 5 });
    expect(names(desc)).toEqual(['web-5', 'web-4']);
    const attachable = (await client.get(`${url}?attachable=true`).expect(200)).body as { total: number; items: { problem: string | null }[] };
    expect(attachable.items.every((instance) => instance.problem === null)).toBe(true);
  });
});

describe("an instance's history, one page at a time", () => {
  it('pages the entries newest first when sorted by time descending, with the total', async () => {
    const { client, base, instances } = await project();
    const url = `${base}/instances/${instances[0].id}/history`;
    const all = (await client.get(url).expect(200)).body as { total: number; items: { at: string; status: string | null; message: string }[] };
    expect(all.total).toBeGreaterThan(1);
    const newest = (await client.get(`${url}?sort=at&order=desc&limit=1`).expect(200)).body;
    expect(newest).toMatchObject({ total: all.total, items: [all.items.at(-1)] });
    expect((await client.get(`${url}?status=ACTIVE`).expect(200)).body.items.map((entry: { status: string }) => entry.status)).toEqual(['ACTIVE']);
  });
});

describe('load balancer listeners and members, one page at a time', () => {
  it('pages, sorts, searches and filters a pool\'s members with the right total', async () => {
    const { client, membersUrl } = await project();
    const first = (await client.get(`${membersUrl}?limit=2&sort=name`).expect(200)).body;
    expect(first).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(memberNames(first)).toEqual(['web-1', 'web-2']);
    const last = (await client.get(`${membersUrl}?limit=2&offset=4&sort=name`).expect(200)).body;
    expect(memberNames(last)).toEqual(['web-5']);
    const byWeight = (await client.get(`${membersUrl}?sort=weight&order=desc`).expect(200)).body as { items: MemberRow[] };
    expect(byWeight.items.map((member) => member.weight)).toEqual([5, 4, 3, 2, 1]);
    expect(memberNames((await client.get(`${membersUrl}?q=WEB-4`).expect(200)).body)).toEqual(['web-4']);
    const address = byWeight.items[2]!.address;
    expect((await client.get(`${membersUrl}?q=${address}`).expect(200)).body).toMatchObject({ total: 1, items: [{ address }] });
  });

  it('filters members by admin state after one is disabled', async () => {
    const { client, base, lb, membersUrl } = await project();
    const web2 = (await client.get(`${membersUrl}?q=web-2`).expect(200)).body.items[0] as MemberRow;
    await client.patch(`${base}/load-balancers/${lb.id}/members/${web2.id}`, { adminStateUp: false }).expect(200);
    expect(memberNames((await client.get(`${membersUrl}?adminStateUp=false`).expect(200)).body)).toEqual(['web-2']);
    expect((await client.get(`${membersUrl}?adminStateUp=true`).expect(200)).body.total).toBe(4);
  });

  it('answers 404 for a listener the load balancer does not have, and lists its listeners', async () => {
    const { client, base, lb } = await project();
    const missing = await client.get(`${base}/load-balancers/${lb.id}/listeners/nope/members`).expect(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'No listener with id nope', messageCode: 'resource.notFound' });
    const listeners = (await client.get(`${base}/load-balancers/${lb.id}/listeners`).expect(200)).body;
    expect(listeners).toMatchObject({ total: 1, items: [{ protocol: 'HTTP', protocolPort: 80 }] });
    expect(listeners.items[0].pool.members).toHaveLength(5);
    expect((await client.get(`${base}/load-balancers/${lb.id}/listeners?protocol=TCP`).expect(200)).body.total).toBe(0);
  });
});

describe('security group rules, one page at a time', () => {
  it('lists ingress first, sorts by port, searches and filters by direction', async () => {
    const { client, base, defaultGroupId } = await computeTestApi();
    const rulesUrl = `${base}/security-groups/${defaultGroupId}/rules`;
    for (const port of [443, 22]) {
      await client.post(rulesUrl, { direction: 'ingress', protocol: 'tcp', portRangeMin: port, portRangeMax: port, remoteIpPrefix: '0.0.0.0/0' }).expect(201);
    }
    const all = (await client.get(rulesUrl).expect(200)).body as { total: number; items: { direction: string; portRangeMin: number | null; summary: string }[] };
    const firstEgress = all.items.findIndex((rule) => rule.direction === 'egress');
    expect(all.items.slice(firstEgress).every((rule) => rule.direction === 'egress')).toBe(true);
    const tcp = (await client.get(`${rulesUrl}?protocol=tcp&sort=portRangeMin`).expect(200)).body as typeof all;
    expect(tcp.items.map((rule) => rule.portRangeMin)).toEqual([22, 443]);
    expect((await client.get(`${rulesUrl}?q=443`).expect(200)).body.items.map((rule: { summary: string }) => rule.summary)).toEqual(['Ingress IPv4 TCP 443 from 0.0.0.0/0']);
    expect((await client.get(`${rulesUrl}?direction=egress`).expect(200)).body.total).toBe(all.total - firstEgress);
  });
});

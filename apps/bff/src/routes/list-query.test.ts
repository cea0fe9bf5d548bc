import { describe, expect, it } from 'vitest';
import { computeTestApi } from '../test-support/compute-project.ts';

type Named = { id: string; name: string };
const names = (body: { items: Named[] }) => body.items.map((item) => item.name);

/** Every console list answers `sort`, `order`, `q` and its field filters server-side (`listPage`). */
describe('list endpoints: sort, order, q, filters', () => {
  async function fiveInstances() {
    const api = await computeTestApi();
    await api.createInstances({ name: 'web', count: 3 });
    await api.createInstances({ name: 'db', zone: 'kr-pub-b' });
    await api.createInstances({ name: 'app-10' });
    api.engine.advance(5_000);
    return api;
  }

  it('sorts by a field in either order, pages the sorted list and reports the total', async () => {
    const { client, base } = await fiveInstances();
    const asc = (await client.get(`${base}/instances?sort=name`).expect(200)).body;
    expect(names(asc)).toEqual(['app-10', 'db', 'web-1', 'web-2', 'web-3']);
    const desc = (await client.get(`${base}/instances?sort=name&order=desc&limit=2&offset=1`).expect(200)).body;
    expect(desc).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(names(desc)).toEqual(['web-2', 'web-1']);
  });

  it('breaks ties by id, so equal values keep one order across pages', async () => {
    const { client, base } = await fiveInstances();
    const all = (await client.get(`${base}/instances?sort=zone`).expect(200)).body.items as (Named & { zone: string })[];
    const pubA = all.filter((instance) => instance.zone === 'kr-pub-a').map((instance) => instance.id);
    expect(pubA).toEqual([...pubA].sort());
    expect(all.at(-1)!.name).toBe('db');
    const pages = [0, 2, 4].map((offset) => client.get(`${base}/instances?sort=zone&limit=2&offset=${offset}`).expect(200));
    const paged = (await Promise.all(pages)).flatMap((response) => response.body.items.map((item: Named) => item.id));
    expect(paged).toEqual(all.map((instance) => instance.id));
  });

  it('searches names, ids and private addresses with q', async () => {
    const { client, base } = await fiveInstances();
    expect(names((await client.get(`${base}/instances?q=WEB&sort=name`).expect(200)).body)).toEqual(['web-1', 'web-2', 'web-3']);
    const db = (await client.get(`${base}/instances?q=db`).expect(200)).body.items[0] as Named & { privateIp: string };
    const byIp = (await client.get(`${base}/instances?q=${db.privateIp}`).expect(200)).body;
    expect(byIp).toMatchObject({ total: 1, items: [{ id: db.id }] });
    expect((await client.get(`${base}/instances?q=${db.id.slice(0, 12)}`).expect(200)).body.total).toBe(1);
  });

  it('filters by fields, any of comma-separated values, all filters together', async () => {
    const { client, base, engine } = await fiveInstances();
    const web1 = (await client.get(`${base}/instances?q=web-1`).expect(200)).body.items[0] as Named;
    await client.post(`${base}/instances/${web1.id}/actions`, { action: 'stop' }).expect(202);
    engine.advance(10_000);
    expect(names((await client.get(`${base}/instances?status=SHUTOFF`).expect(200)).body)).toEqual(['web-1']);
    expect((await client.get(`${base}/instances?status=SHUTOFF,ACTIVE`).expect(200)).body.total).toBe(5);
    expect(names((await client.get(`${base}/instances?zone=kr-pub-b`).expect(200)).body)).toEqual(['db']);
    expect((await client.get(`${base}/instances?zone=kr-pub-a&status=SHUTOFF&sort=name`).expect(200)).body.total).toBe(1);
  });

  it('refuses an unknown sort field, order or filter with a 400 naming the known ones', async () => {
    const { client, base } = await fiveInstances();
    const badSort = await client.get(`${base}/instances?sort=colour`).expect(400);
    expect(badSort.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'sort' });
    expect(badSort.body.error.message).toBe(
      'Cannot sort by "colour": sort by name, createdAt, status, zone, flavor, image, keyName, privateIp, floatingIp',
    );
    const badOrder = await client.get(`${base}/instances?sort=name&order=up`).expect(400);
    expect(badOrder.body.error).toMatchObject({ field: 'order', message: 'Order is asc or desc' });
    const badFilter = await client.get(`${base}/instances?colour=red`).expect(400);
    expect(badFilter.body.error).toMatchObject({ field: 'colour', message: 'Unknown filter "colour": filter by status, zone, imageId, flavorId, keyName, networkId', messageCode: 'list.unknownFilter', params: { key: 'colour', known: 'status, zone, imageId, flavorId, keyName, networkId' } });
    const badKeyFilter = await client.get(`${base}/key-pairs?zone=x`).expect(400);
    expect(badKeyFilter.body.error.message).toBe('Unknown filter "zone": filter by algorithm, source');
  });

  it('gives the other lists their own fields: key pairs, floating IPs, volumes, security groups, images', async () => {
    const { client, base, engine } = await fiveInstances();
    await client.post(`${base}/key-pairs`, { name: 'alpha' }).expect(201);
    expect(names((await client.get(`${base}/key-pairs?sort=name&order=desc`).expect(200)).body)).toEqual(['my_keypair', 'alpha']);
    expect(names((await client.get(`${base}/key-pairs?source=generated`).expect(200)).body)).toEqual(['alpha']);

    const ips = await Promise.all([1, 2].map(() => client.post(`${base}/floating-ips`, {}).expect(201)));
    const web = (await client.get(`${base}/instances?q=web-2`).expect(200)).body.items[0] as { portId: string };
    await client.post(`${base}/floating-ips/${ips[0]!.body.id}/associate`, { portId: web.portId }).expect(200);
    expect((await client.get(`${base}/floating-ips?attached=true`).expect(200)).body.items.map((ip: { id: string }) => ip.id)).toEqual([ips[0]!.body.id]);
    expect((await client.get(`${base}/floating-ips?attached=false`).expect(200)).body.total).toBe(1);
    const withFloating = (await client.get(`${base}/instances?sort=floatingIp&limit=1`).expect(200)).body.items[0];
    expect(withFloating.floatingIp).toBe(ips[0]!.body.address);

    for (const sizeGb of [30, 10, 20]) await client.post(`${base}/volumes`, { name: `v${sizeGb}`, sizeGb }).expect(201);
    engine.advance(10_000);
    expect(names((await client.get(`${base}/volumes?sort=sizeGb&order=desc`).expect(200)).body)).toEqual(['v30', 'v20', 'v10']);
    expect((await client.get(`${base}/volumes?attached=true`).expect(200)).body.total).toBe(0);

    expect(names((await client.get(`${base}/security-groups?q=def`).expect(200)).body)).toEqual(['default']);
    const images = (await client.get(`${base}/images?visibility=public&sort=name&q=ubuntu`).expect(200)).body;
    expect(images.total).toBeGreaterThan(0);
    expect(images.items.every((image: Named) => /ubuntu/i.test(image.name))).toBe(true);
  });
});

describe('the floating IP dialog\'s port list', () => {
  it('searches ports by instance name and keeps only those without a floating IP', async () => {
    const api = await computeTestApi();
    await api.createInstances({ name: 'alpha', count: 2 });
    await api.createInstances({ name: 'beta' });
    const [beta] = (await api.client.get(`${api.base}/instances?q=beta`).expect(200)).body.items as { portId: string }[];
    const ip = (await api.client.post(`${api.base}/floating-ips`, {}).expect(201)).body as { id: string };
    await api.client.post(`${api.base}/floating-ips/${ip.id}/associate`, { portId: beta!.portId }).expect(200);
    const free = (await api.client.get(`${api.base}/ports/attachable?hasFloatingIp=false&sort=deviceName`).expect(200)).body;
    expect(free.items.map((port: { deviceName: string }) => port.deviceName)).toEqual(['alpha-1', 'alpha-2']);
    const found = (await api.client.get(`${api.base}/ports/attachable?q=alpha-2`).expect(200)).body;
    expect(found).toMatchObject({ total: 1, items: [{ deviceName: 'alpha-2', hasFloatingIp: false }] });
  });
});

describe('bulk instance actions', () => {
  it('reboot the ACTIVE instances among the chosen and report the others refused', async () => {
    const { client, base, createInstances, engine } = await computeTestApi();
    const [a, b, c] = await createInstances({ count: 3 });
    engine.advance(5_000);
    await client.post(`${base}/instances/${c!.id}/actions`, { action: 'stop' }).expect(202);
    engine.advance(10_000);
    const response = await client.post(`${base}/instances/bulk-actions`, { action: 'reboot', instanceIds: [a.id, b!.id, c!.id] }).expect(200);
    expect(response.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false]);
    expect(response.body.results[2]).toEqual({
      id: c!.id,
      ok: false,
      message: `Cannot reboot instance ${c!.name} while it is SHUTOFF`,
      messageCode: 'lifecycle.invalidState',
      params: { kind: 'instance', name: c!.name, action: 'reboot', status: 'SHUTOFF' },
    });
    expect((await client.get(`${base}/instances/${a.id}`).expect(200)).body.status).toBe('REBOOT');
  });
});

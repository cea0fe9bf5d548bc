import { describe, expect, it } from 'vitest';
import { computeTestApi } from '../test-support/compute-project.ts';

/** A second VPC 10.0.0.0/16 with subnets a and b; a goes on the VPC's own routing table (with the internet gateway). */
async function vpcApi() {
  const api = await computeTestApi();
  const { client, base } = api;
  const vpc = (await client.post(`${base}/vpcs`, { name: 'vpc-b', cidr: '10.0.0.0/16' }).expect(201)).body;
  const a = (await client.post(`${base}/subnets`, { vpcId: vpc.id, name: 'a', cidr: '10.0.1.0/24' }).expect(201)).body;
  const b = (await client.post(`${base}/subnets`, { vpcId: vpc.id, name: 'b', cidr: '10.0.2.0/24', routingTableId: null }).expect(201)).body;
  return { ...api, vpc, a, b };
}

describe('VPC API', () => {
  it('creates a VPC with its routing table, subnets inside it, and lists them', async () => {
    const { client, base, vpc, a, b } = await vpcApi();
    expect(vpc).toMatchObject({ name: 'vpc-b', cidr: '10.0.0.0/16', isDefault: false, routingTables: [{ name: 'vpc-b-rt' }] });
    expect(a).toMatchObject({ vpcName: 'vpc-b', gatewayIp: '10.0.1.1', enableDhcp: true, routingTableName: 'vpc-b-rt', internetGateway: true, availableIps: 253 });
    expect(b).toMatchObject({ routingTableId: null, internetGateway: false });
    const vpcs = (await client.get(`${base}/vpcs`).expect(200)).body.items;
    // The manual clock stands still: creation order ties, so compare by name.
    expect(vpcs.map((v: { name: string }) => v.name).sort()).toEqual(['Default Network', 'vpc-b']);
    expect(vpcs.find((v: { name: string }) => v.name === 'Default Network')).toMatchObject({ isDefault: true, cidr: null, subnets: [{ name: 'Default Subnet', cidr: '192.168.0.0/24' }] });
    const tables = (await client.get(`${base}/routing-tables`).expect(200)).body.items;
    expect(tables.map((t: { name: string; internetGateway: boolean }) => [t.name, t.internetGateway]).sort()).toEqual([
      ['Default Router', true],
      ['vpc-b-rt', true],
    ]);
  });

  it('bad input gets a clear error beside its field and changes nothing', async () => {
    const { client, base, vpc } = await vpcApi();
    const cases: [string, object, number, string, string][] = [
      ['/subnets', { vpcId: vpc.id, name: 'x', cidr: '10.0.1.0/25' }, 409, 'cidr', "10.0.1.0/25 overlaps subnet 'a' (10.0.1.0/24) in VPC 'vpc-b'"],
      ['/subnets', { vpcId: vpc.id, name: 'x', cidr: '172.16.0.0/24' }, 400, 'cidr', "172.16.0.0/24 is outside VPC 'vpc-b' (10.0.0.0/16)"],
      ['/subnets', { vpcId: vpc.id, name: 'x', cidr: '10.0.3.0/24', gatewayIp: '10.0.9.1' }, 400, 'gatewayIp', "Gateway 10.0.9.1 is outside subnet 'x' (10.0.3.0/24)"],
      ['/vpcs', { name: 'v', cidr: 'ten' }, 400, 'cidr', 'ten is not a valid CIDR: "ten" is not an IPv4 or IPv6 address'],
      ['/vpcs', { name: '', cidr: '10.0.0.0/16' }, 400, 'name', 'Enter a name'],
    ];
    for (const [path, body, status, field, message] of cases) {
      const response = await client.post(`${base}${path}`, body).expect(status);
      expect(response.body.error, JSON.stringify(body)).toMatchObject({ field, message });
    }
    expect((await client.get(`${base}/subnets`).expect(200)).body.items.map((s: { name: string }) => s.name).sort()).toEqual(['Default Subnet', 'a', 'b']);
    expect((await client.get(`${base}/vpcs`).expect(200)).body.items).toHaveLength(2);
  });

  it('lists VPCs by server-side view: sort, search and total', async () => {
    const { client, base } = await vpcApi();
    await client.post(`${base}/vpcs`, { name: 'vpc-a', cidr: '10.1.0.0/16' }).expect(201);
    const sorted = (await client.get(`${base}/vpcs?sort=name&order=desc`).expect(200)).body;
    expect(sorted.items.map((v: { name: string }) => v.name)).toEqual(['vpc-b', 'vpc-a', 'Default Network']);
    expect(sorted.total).toBe(3);
    const found = (await client.get(`${base}/vpcs?q=10.1.`).expect(200)).body;
    expect(found.items.map((v: { name: string }) => v.name)).toEqual(['vpc-a']);
    expect(found.total).toBe(1);
    expect((await client.get(`${base}/vpcs?sort=subnets`).expect(400)).body.error).toMatchObject({ field: 'sort' });
  });

  it('lists routing tables and network interfaces by server-side view too: search by name or fixed IP, sort by name', async () => {
    const { client, base, a, b } = await vpcApi();
    await client.post(`${base}/network-interfaces`, { subnetId: a.id, name: 'nic-a', fixedIp: '10.0.1.20' }).expect(201);
    await client.post(`${base}/network-interfaces`, { subnetId: b.id, name: 'nic-b' }).expect(201);
    const tables = (await client.get(`${base}/routing-tables?sort=name&order=desc`).expect(200)).body;
    expect(tables.items.map((t: { name: string }) => t.name)).toEqual(['vpc-b-rt', 'Default Router']);
    expect((await client.get(`${base}/routing-tables?q=vpc-b`).expect(200)).body.items.map((t: { name: string }) => t.name)).toEqual(['vpc-b-rt']);
    const found = (await client.get(`${base}/network-interfaces?q=10.0.1.20`).expect(200)).body;
    expect(found.items.map((p: { name: string }) => p.name)).toEqual(['nic-a']);
    expect(found.total).toBe(1);
    expect((await client.get(`${base}/network-interfaces?q=nic&sort=name&order=desc`).expect(200)).body.items.map((p: { name: string }) => p.name)).toEqual(['nic-b', 'nic-a']);
  });

  it('launches into a subnet with two interfaces, refuses detaching the last, and deleting the subnet names its users', async () => {
    const { client, base, engine, instanceRequest, vpc, a, b } = await vpcApi();
    const [web] = (
      await client
        .post(`${base}/instances`, instanceRequest({ name: 'web', networkId: vpc.id, subnetId: a.id, fixedIp: '10.0.1.10', extraNetworks: [{ subnetId: b.id }] }))
        .expect(201)
    ).body.items;
    expect(web).toMatchObject({ privateIp: '10.0.1.10', networkName: 'vpc-b' });
    engine.advance(5_000);
    const interfaces = (await client.get(`${base}/instances/${web.id}/interfaces`).expect(200)).body.items;
    expect(interfaces.map((i: { fixedIp: string; primary: boolean; subnetName: string }) => [i.fixedIp, i.subnetName, i.primary])).toEqual([
      ['10.0.1.10', 'a', true],
      ['10.0.2.2', 'b', false],
    ]);
    await client.delete(`${base}/instances/${web.id}/interfaces/${interfaces[1].id}`).expect(200);
    const refused = await client.delete(`${base}/instances/${web.id}/interfaces/${interfaces[0].id}`).expect(409);
    expect(refused.body.error.message).toBe('web has only this network interface (10.0.1.10); an instance needs at least one, so it cannot be detached');
    expect((await client.get(`${base}/instances/${web.id}/interfaces`).expect(200)).body.items).toHaveLength(1);

    const inUse = await client.delete(`${base}/subnets/${a.id}`).expect(409);
    expect(inUse.body.error.message).toBe("subnet 'a' has 1 port: web");
    // The detached interface is free: another attach takes it back, also while the instance runs.
    await client.post(`${base}/network-interfaces/${interfaces[1].id}/attach`, { instanceId: web.id }).expect(200);
    expect((await client.get(`${base}/instances/${web.id}/interfaces`).expect(200)).body.items).toHaveLength(2);
  });

  it("the topology lists an instance's other interfaces with their network and subnet", async () => {
    const { client, base, instanceRequest, vpc, a, b } = await vpcApi();
    const [web] = (await client.post(`${base}/instances`, instanceRequest({ name: 'web', networkId: vpc.id, subnetId: a.id, extraNetworks: [{ subnetId: b.id, fixedIp: '10.0.2.20' }] })).expect(201)).body.items;
    const topology = (await client.get(`${base}/topology`).expect(200)).body;
    const drawn = topology.instances.find((i: { id: string }) => i.id === web.id);
    expect(drawn.extraInterfaces).toEqual([{ portId: expect.any(String), networkId: vpc.id, subnetId: b.id, fixedIp: '10.0.2.20' }]);
    expect(drawn.extraInterfaces[0].portId).not.toBe(web.portId);
  });

  it('detaching the internet gateway makes the floating IP unreachable with the reason, and a floating IP moves between interfaces', async () => {
    const { client, base, engine, instanceRequest, vpc, a, b } = await vpcApi();
    const table = (await client.get(`${base}/routing-tables`).expect(200)).body.items.find((t: { name: string }) => t.name === 'vpc-b-rt');
    await client.post(`${base}/routing-tables/${table.id}/subnets`, { subnetId: b.id }).expect(200);
    const [web] = (await client.post(`${base}/instances`, instanceRequest({ networkId: vpc.id, subnetId: a.id, extraNetworks: [{ subnetId: b.id }] })).expect(201)).body.items;
    engine.advance(5_000);
    const fip = (await client.post(`${base}/floating-ips`, {}).expect(201)).body;
    const [first, second] = (await client.get(`${base}/instances/${web.id}/interfaces`).expect(200)).body.items;
    await client.post(`${base}/network-interfaces/${first.id}/floating-ip`, { floatingIpId: fip.id }).expect(200);
    const moved = (await client.post(`${base}/network-interfaces/${second.id}/floating-ip`, { floatingIpId: fip.id }).expect(200)).body;
    expect(moved.floatingIp).toEqual({ id: fip.id, address: fip.address });
    expect((await client.get(`${base}/network-interfaces/${first.id}`).expect(200)).body.floatingIp).toBeNull();

    await client.patch(`${base}/routing-tables/${table.id}`, { internetGateway: false }).expect(200);
    const ssh = (await client.post(`${base}/instances/${web.id}/connectivity-test`, { test: 'ssh' }).expect(200)).body;
    expect(ssh).toMatchObject({ allowed: false, reason: { code: 'NO_INTERNET_GATEWAY' } });
    expect(ssh.reason.message).toContain('no route to an internet gateway');
    const refused = await client.delete(`${base}/routing-tables/${table.id}`).expect(409);
    expect(refused.body.error.message).toBe("routing table 'vpc-b-rt' has interfaces on 2 subnets: a, b; remove them first");
  });
});

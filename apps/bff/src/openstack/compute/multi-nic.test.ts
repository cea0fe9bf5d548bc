import { describe, expect, it } from 'vitest';
import { openstackTestApi } from '../test-support.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';

describe('Nova servers on several networks', () => {
  it('makes one interface per entry of networks, in order (a network may come twice), each shown in addresses and os-interface', async () => {
    const { os, engine, projectId } = await openstackTestApi();
    const net = async (name: string, cidr: string) => {
      const created = (await os.post('/network/v2.0/networks', { network: { name } }).expect(201)).body.network;
      await os.post('/network/v2.0/subnets', { subnet: { network_id: created.id, cidr, ip_version: 4 } }).expect(201);
      return created.id as string;
    };
    const net1 = await net('n1', '19.80.0.0/24');
    const net2 = await net('n2', '19.86.0.0/24');
    const created = await os
      .post('/compute/v2.1/servers', { server: { name: 'multi', imageRef: UBUNTU, flavorRef: 'm2.c1m2', networks: [{ uuid: net1 }, { uuid: net2 }, { uuid: net1, fixed_ip: '19.80.0.77' }] } })
      .expect(202);
    const serverId = created.body.server.id as string;
    engine.advance(10_000);
    const addresses = (await os.get(`/compute/v2.1/servers/${serverId}/ips`).expect(200)).body.addresses;
    expect(addresses.n1.map((a: { addr: string }) => a.addr)).toEqual([expect.stringMatching(/^19\.80\.0\./), '19.80.0.77']);
    expect(addresses.n2.map((a: { addr: string }) => a.addr)).toEqual([expect.stringMatching(/^19\.86\.0\./)]);
    const interfaces = (await os.get(`/compute/v2.1/servers/${serverId}/os-interface`).expect(200)).body.interfaceAttachments;
    expect(interfaces.map((i: { net_id: string }) => i.net_id)).toEqual([net1, net2, net1]);
    // The guest has the three interfaces.
    const ip = await engine.modules.guests.runCommand(projectId, serverId, 'ip addr');
    expect(ip.stdout).toContain('19.80.0.77');

    const unknown = await os.post('/compute/v2.1/servers', { server: { name: 'x', imageRef: UBUNTU, flavorRef: 'm2.c1m2', networks: [{ uuid: net1 }, { uuid: 'nope' }] } });
    expect(unknown.status).toBe(400);
    expect(engine.modules.instances.list(projectId).map((i) => i.name)).toEqual(['multi']);
  });
});

describe('Nova reservation ids', () => {
  it('answers the reservation id of a multiple create when asked, and the reservation_id filter finds exactly its servers', async () => {
    const { os, engine } = await openstackTestApi();
    const created = await os.post('/compute/v2.1/servers', { server: { name: 'many', imageRef: UBUNTU, flavorRef: 'm2.c1m2', min_count: 2, return_reservation_id: true } }).expect(202);
    const reservation = created.body.reservation_id as string;
    expect(reservation).toMatch(/^r-[0-9a-f]{8}$/);
    expect(created.body.server).toBeUndefined();
    await os.post('/compute/v2.1/servers', { server: { name: 'other', imageRef: UBUNTU, flavorRef: 'm2.c1m2' } }).expect(202);
    engine.advance(10_000);
    const found = (await os.get(`/compute/v2.1/servers?reservation_id=${reservation}`).expect(200)).body.servers.map((s: { name: string }) => s.name).sort();
    expect(found).toEqual(['many-1', 'many-2']);
  });
});

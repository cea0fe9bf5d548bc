import { describe, expect, it } from 'vitest';
import { openstackTestApi } from '../test-support.ts';

describe('Neutron ports with several fixed IPs', () => {
  it('creates a port with an address on each of two subnets, goes back to one and to two again, each address reserved; a floating IP targets either', async () => {
    const { os } = await openstackTestApi();
    const net = (await os.post('/network/v2.0/networks', { network: { name: 'n' } }).expect(201)).body.network.id as string;
    const s1 = (await os.post('/network/v2.0/subnets', { subnet: { network_id: net, cidr: '10.100.0.0/28', ip_version: 4 } }).expect(201)).body.subnet.id as string;
    const s2 = (await os.post('/network/v2.0/subnets', { subnet: { network_id: net, cidr: '10.100.0.16/28', ip_version: 4 } }).expect(201)).body.subnet.id as string;
    const port = (await os.post('/network/v2.0/ports', { port: { network_id: net, fixed_ips: [{ subnet_id: s1 }, { subnet_id: s2 }] } }).expect(201)).body.port;
    expect(port.fixed_ips).toEqual([
      { subnet_id: s1, ip_address: '10.100.0.2' },
      { subnet_id: s2, ip_address: '10.100.0.18' },
    ]);
    // The second address is taken: another port cannot have it.
    const taken = await os.post('/network/v2.0/ports', { port: { network_id: net, fixed_ips: [{ subnet_id: s2, ip_address: '10.100.0.18' }] } });
    expect(taken.status).toBe(409);
    const one = (await os.put(`/network/v2.0/ports/${port.id}`, { port: { fixed_ips: [{ subnet_id: s1 }] } }).expect(200)).body.port;
    expect(one.fixed_ips).toEqual([{ subnet_id: s1, ip_address: '10.100.0.2' }]);
    // Freed: now another port gets it.
    const other = (await os.post('/network/v2.0/ports', { port: { network_id: net, fixed_ips: [{ subnet_id: s2, ip_address: '10.100.0.18' }] } }).expect(201)).body.port;
    await os.delete(`/network/v2.0/ports/${other.id}`).expect(204);
    const two = (await os.put(`/network/v2.0/ports/${port.id}`, { port: { fixed_ips: [{ subnet_id: s1 }, { subnet_id: s2, ip_address: '10.100.0.20' }] } }).expect(200)).body.port;
    expect(two.fixed_ips.map((f: { ip_address: string }) => f.ip_address)).toEqual(['10.100.0.2', '10.100.0.20']);

    const external = (await os.get('/network/v2.0/networks?router:external=True').expect(200)).body.networks[0].id;
    const router = (await os.post('/network/v2.0/routers', { router: { name: 'r', external_gateway_info: { network_id: external } } }).expect(201)).body.router.id;
    await os.put(`/network/v2.0/routers/${router}/add_router_interface`, { subnet_id: s1 }).expect(200);
    await os.put(`/network/v2.0/routers/${router}/add_router_interface`, { subnet_id: s2 }).expect(200);
    const fip = (await os.post('/network/v2.0/floatingips', { floatingip: { floating_network_id: external, port_id: port.id, fixed_ip_address: '10.100.0.20' } }).expect(201)).body.floatingip;
    expect(fip).toMatchObject({ port_id: port.id, fixed_ip_address: '10.100.0.20' });
    const moved = (await os.put(`/network/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: port.id, fixed_ip_address: '10.100.0.2' } }).expect(200)).body.floatingip;
    expect(moved).toMatchObject({ port_id: port.id, fixed_ip_address: '10.100.0.2' });
    expect((await os.put(`/network/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: port.id, fixed_ip_address: '10.100.0.9' } })).status).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { openstackTestApi } from '../test-support.ts';

describe('Neutron writes: networks, subnets, ports, routers', () => {
  it('builds a network with a subnet, a port with a chosen IP and a router with an interface and a gateway, then tears it down', async () => {
    const { os } = await openstackTestApi();
    const external = (await os.get('/network/v2.0/networks?router:external=True').expect(200)).body.networks[0].id;
    const net = (await os.post('/network/v2.0/networks', { network: { name: 'n1' } }).expect(201)).body.network;
    expect(net).toMatchObject({ name: 'n1', subnets: [], admin_state_up: true, 'router:external': false });
    const subnet = (
      await os
        .post('/network/v2.0/subnets', { subnet: { network_id: net.id, cidr: '10.100.0.0/28', ip_version: 4, name: 's1', dns_nameservers: ['1.1.1.1'], allocation_pools: [{ start: '10.100.0.5', end: '10.100.0.9' }] } })
        .expect(201)
    ).body.subnet;
    expect(subnet).toMatchObject({ gateway_ip: '10.100.0.1', enable_dhcp: true, dns_nameservers: ['1.1.1.1'], allocation_pools: [{ start: '10.100.0.5', end: '10.100.0.9' }] });
    expect((await os.get(`/network/v2.0/networks/${net.id}`).expect(200)).body.network.subnets).toEqual([subnet.id]);

    const auto = (await os.post('/network/v2.0/ports', { port: { network_id: net.id, name: 'p1' } }).expect(201)).body.port;
    expect(auto.fixed_ips).toEqual([{ subnet_id: subnet.id, ip_address: '10.100.0.5' }]);
    const chosen = (await os.post('/network/v2.0/ports', { port: { network_id: net.id, fixed_ips: [{ subnet_id: subnet.id, ip_address: '10.100.0.12' }] } }).expect(201)).body.port;
    expect(chosen.fixed_ips[0].ip_address).toBe('10.100.0.12');
    const taken = await os.post('/network/v2.0/ports', { port: { network_id: net.id, fixed_ips: [{ ip_address: '10.100.0.12' }] } }).expect(409);
    expect(taken.body.NeutronError.type).toBe('IpAddressAlreadyAllocated');
    const filtered = (await os.get('/network/v2.0/ports?fixed_ips=ip_address%3D10.100.0.12').expect(200)).body.ports;
    expect(filtered.map((p: { id: string }) => p.id)).toEqual([chosen.id]);
    const second = (await os.post('/network/v2.0/subnets', { subnet: { network_id: net.id, cidr: '10.100.0.16/28', ip_version: 4 } }).expect(201)).body.subnet;
    const moved = (await os.put(`/network/v2.0/ports/${chosen.id}`, { port: { fixed_ips: [{ subnet_id: second.id }] } }).expect(200)).body.port;
    expect(moved.fixed_ips).toEqual([{ subnet_id: second.id, ip_address: '10.100.0.18' }]);
    await os.put(`/network/v2.0/ports/${chosen.id}`, { port: { fixed_ips: [{ subnet_id: subnet.id, ip_address: '10.100.0.12' }] } }).expect(200);
    await os.delete(`/network/v2.0/subnets/${second.id}`).expect(204);
    const renamed = (await os.put(`/network/v2.0/ports/${auto.id}`, { port: { name: 'p1b', admin_state_up: false } }).expect(200)).body.port;
    expect(renamed).toMatchObject({ name: 'p1b', admin_state_up: false });

    const router = (await os.post('/network/v2.0/routers', { router: { name: 'r1', admin_state_up: false, external_gateway_info: { network_id: external } } }).expect(201)).body.router;
    expect(router).toMatchObject({ name: 'r1', admin_state_up: false, external_gateway_info: { network_id: external } });
    const added = (await os.put(`/network/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id }).expect(200)).body;
    expect(added).toMatchObject({ id: router.id, subnet_id: subnet.id, network_id: net.id });
    const interfacePort = (await os.get(`/network/v2.0/ports/${added.port_id}`).expect(200)).body.port;
    expect(interfacePort).toMatchObject({ device_id: router.id, device_owner: 'network:router_interface', fixed_ips: [{ subnet_id: subnet.id, ip_address: '10.100.0.1' }] });
    expect((await os.delete(`/network/v2.0/subnets/${subnet.id}`).expect(409)).body.NeutronError.type).toBe('SubnetInUse');
    expect((await os.delete(`/network/v2.0/routers/${router.id}`).expect(409)).body.NeutronError.type).toBe('RouterInUse');

    const cleared = (await os.put(`/network/v2.0/routers/${router.id}`, { router: { external_gateway_info: {} } }).expect(200)).body.router;
    expect(cleared.external_gateway_info).toBeNull();
    const removed = (await os.put(`/network/v2.0/routers/${router.id}/remove_router_interface`, { subnet_id: subnet.id }).expect(200)).body;
    expect(removed).toMatchObject({ subnet_id: subnet.id, port_id: added.port_id });
    await os.get(`/network/v2.0/ports/${added.port_id}`).expect(404);
    await os.delete(`/network/v2.0/routers/${router.id}`).expect(204);

    expect((await os.delete(`/network/v2.0/networks/${net.id}`).expect(409)).body.NeutronError.type).toBe('NetworkInUse');
    await os.delete(`/network/v2.0/ports/${auto.id}`).expect(204);
    await os.delete(`/network/v2.0/ports/${chosen.id}`).expect(204);
    await os.delete(`/network/v2.0/networks/${net.id}`).expect(204);
    await os.get(`/network/v2.0/subnets/${subnet.id}`).expect(404);
  });

  it('refuses a floating IP on a port whose subnet has no route to the external network', async () => {
    const { os } = await openstackTestApi();
    const external = (await os.get('/network/v2.0/networks?router:external=True').expect(200)).body.networks[0].id;
    const net = (await os.post('/network/v2.0/networks', { network: { name: 'isolated' } }).expect(201)).body.network;
    await os.post('/network/v2.0/subnets', { subnet: { network_id: net.id, cidr: '10.100.0.16/28', ip_version: 4 } }).expect(201);
    const port = (await os.post('/network/v2.0/ports', { port: { network_id: net.id } }).expect(201)).body.port;
    const refused = await os.post('/network/v2.0/floatingips', { floatingip: { floating_network_id: external, port_id: port.id } }).expect(404);
    expect(refused.body.NeutronError.type).toBe('ExternalGatewayForFloatingIPNotFound');
    expect((await os.get('/network/v2.0/floatingips').expect(200)).body.floatingips).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { createTestWorld, launchInstance, launchInstances, type TestWorld } from '../testing/test-world.ts';

/** A second VPC 10.0.0.0/16 with subnets a (10.0.1.0/24) and b (10.0.2.0/24) on routing table rt (with the internet gateway). */
function vpcWorld() {
  const world = createTestWorld();
  const { network } = world.m;
  const vpc = network.createNetwork(world.projectId, { name: 'vpc-b', cidr: '10.0.0.0/16' });
  const rt = network.createRouter(world.projectId, { name: 'rt', externalGateway: true, networkId: vpc.id });
  const a = network.createSubnet(world.projectId, { networkId: vpc.id, name: 'a', cidr: '10.0.1.0/24', routerId: rt.id });
  const b = network.createSubnet(world.projectId, { networkId: vpc.id, name: 'b', cidr: '10.0.2.0/24' });
  return { ...world, vpc, rt, a, b };
}

function allowAll(world: TestWorld) {
  const group = world.m.securityGroups.list(world.projectId).find((g) => g.name === 'default')!;
  world.m.securityGroups.addRule(world.projectId, group.id, {
    direction: 'ingress',
    etherType: 'IPv4',
    protocol: null,
    portRangeMin: null,
    portRangeMax: null,
    remoteIpPrefix: '0.0.0.0/0',
    remoteGroupId: null,
  });
}

describe('VPCs and subnets: validation', () => {
  it('refuses a subnet outside the VPC, one overlapping another, and a gateway outside the subnet, and changes nothing', () => {
    const { m, projectId, vpc } = vpcWorld();
    const before = m.network.subnets(projectId).length;
    expect(() => m.network.createSubnet(projectId, { networkId: vpc.id, name: 'x', cidr: '10.1.0.0/24' })).toThrow("10.1.0.0/24 is outside VPC 'vpc-b' (10.0.0.0/16)");
    expect(() => m.network.createSubnet(projectId, { networkId: vpc.id, name: 'x', cidr: '10.0.1.128/25' })).toThrow("10.0.1.128/25 overlaps subnet 'a' (10.0.1.0/24) in VPC 'vpc-b'");
    expect(() => m.network.createSubnet(projectId, { networkId: vpc.id, name: 'x', cidr: '10.0.1.128/25' })).toThrow(
      expect.objectContaining({ messageCode: 'subnet.overlaps', params: { cidr: '10.0.1.128/25', subnet: 'a', subnetCidr: '10.0.1.0/24', kind: 'VPC', name: 'vpc-b' } }),
    );
    expect(() => m.network.createSubnet(projectId, { networkId: vpc.id, name: 'x', cidr: '10.0.3.0/24', gatewayIp: '10.0.4.1' })).toThrow("Gateway 10.0.4.1 is outside subnet 'x' (10.0.3.0/24)");
    expect(() => m.network.createSubnet(projectId, { networkId: vpc.id, name: 'x', cidr: '10.0.3.5/24' })).toThrow('10.0.3.5/24 has host bits set; did you mean 10.0.3.0/24?');
    expect(() => m.network.createNetwork(projectId, { name: 'v', cidr: '10.0.0.0/30' })).toThrow('10.0.0.0/30: the prefix length must be /8 to /28');
    expect(m.network.subnets(projectId).length).toBe(before);
  });

  it('gives a subnet its first host as gateway, keeps it from ports, and a chosen IP already used says by whom', () => {
    const world = vpcWorld();
    const { m, projectId, a } = world;
    expect(a.gatewayIp).toBe('10.0.1.1');
    const web1 = launchInstance(world, { name: 'web-1', networkId: a.networkId, subnetId: a.id, fixedIp: '10.0.1.10' });
    expect(m.network.interfacesOf(web1).map((p) => p.fixedIp)).toEqual(['10.0.1.10']);
    expect(() => m.network.createFreePort(projectId, { subnetId: a.id, fixedIp: '10.0.1.10', securityGroupIds: [] })).toThrow(
      'IP 10.0.1.10 is already used by web-1',
    );
    expect(() => m.network.createFreePort(projectId, { subnetId: a.id, fixedIp: '10.0.1.1', securityGroupIds: [] })).toThrow(
      "IP 10.0.1.1 is the gateway of subnet 'a'",
    );
    expect(() => m.network.createFreePort(projectId, { subnetId: a.id, fixedIp: '10.0.2.9', securityGroupIds: [] })).toThrow(
      "IP 10.0.2.9 is outside subnet 'a' (10.0.1.0/24)",
    );
    const free = m.network.createFreePort(projectId, { subnetId: a.id, securityGroupIds: [] });
    expect(free.fixedIp).toBe('10.0.1.2');
  });

  it('deleting something in use says what uses it', () => {
    const world = vpcWorld();
    const { m, projectId, a, rt, vpc } = world;
    launchInstances(world, { name: 'web', count: 2, networkId: a.networkId, subnetId: a.id });
    expect(() => m.network.deleteSubnet(projectId, a.id, { detachRouters: true })).toThrow("subnet 'a' has 2 ports: web-1, web-2");
    expect(() => m.network.deleteRouter(projectId, rt.id)).toThrow("routing table 'rt' has interfaces on 1 subnet: a; remove them first");
    expect(() => m.network.deleteNetwork(projectId, vpc.id)).toThrow("VPC 'vpc-b' has 2 ports: web-1, web-2");
    expect(() => m.network.deleteSubnet(projectId, a.id, { detachRouters: false })).toThrow("subnet 'a' has 2 ports");
  });

  it('deletes an unused VPC with its subnets and its own routing tables', () => {
    const { m, projectId, vpc } = vpcWorld();
    m.network.deleteNetwork(projectId, vpc.id);
    expect(m.network.networks(projectId).map((n) => n.name)).toEqual(['Default Network']);
    expect(m.network.subnets(projectId).map((s) => s.name)).toEqual(['Default Subnet']);
    expect(m.network.routers(projectId).map((r) => r.name)).toEqual(['Default Router']);
  });

  it('refuses a subnet on two routing tables and overlapping interfaces on one', () => {
    const { m, projectId, a, rt } = vpcWorld();
    const other = m.network.createRouter(projectId, { name: 'rt2', externalGateway: false });
    expect(() => m.network.addRouterInterface(projectId, other.id, a.id)).toThrow("Subnet 'a' is already attached to routing table 'rt'; remove it there first");
    const defaultSubnet = m.network.subnets(projectId).find((s) => s.name === 'Default Subnet')!;
    const clash = m.network.createNetwork(projectId, { name: 'clash', cidr: '10.0.0.0/16' });
    const c = m.network.createSubnet(projectId, { networkId: clash.id, name: 'c', cidr: '10.0.1.0/24' });
    expect(() => m.network.addRouterInterface(projectId, rt.id, c.id)).toThrow("10.0.1.0/24 overlaps subnet 'a' (10.0.1.0/24) on routing table 'rt'");
    expect(() => m.network.addRouterInterface(projectId, rt.id, c.id)).toThrow(expect.objectContaining({ messageCode: 'subnet.overlaps', params: expect.objectContaining({ kind: 'routing table', name: 'rt' }) }));
    expect(defaultSubnet.cidr).toBe('192.168.0.0/24');
  });
});

describe('network interfaces', () => {
  it('attaches a second interface while the instance runs, refuses detaching the last, and a floating IP moves between them', () => {
    const world = vpcWorld();
    const { m, projectId, a, b } = world;
    const web = launchInstance(world, { name: 'web', networkId: a.networkId, subnetId: a.id, extraNetworks: [{ subnetId: b.id, fixedIp: '10.0.2.20' }] });
    expect(m.instances.get(projectId, web.id).status).toBe('ACTIVE');
    const [first, second] = m.interfaces.list(projectId, web.id);
    expect([first!.fixedIp, second!.fixedIp]).toEqual(['10.0.1.2', '10.0.2.20']);
    const third = m.interfaces.attach(projectId, web.id, { subnetId: b.id, fixedIp: '10.0.2.30' });
    expect(m.interfaces.list(projectId, web.id).map((p) => p.fixedIp)).toEqual(['10.0.1.2', '10.0.2.20', '10.0.2.30']);

    const fip = m.floatingIps.allocate(projectId);
    m.floatingIps.associate(projectId, fip.id, first!.id);
    expect(m.floatingIps.move(projectId, fip.id, third.id)).toMatchObject({ portId: third.id, fixedIp: '10.0.2.30' });

    m.interfaces.detach(projectId, web.id, first!.id);
    m.interfaces.detach(projectId, web.id, second!.id);
    expect(m.instances.get(projectId, web.id).portId).toBe(third.id);
    expect(() => m.interfaces.detach(projectId, web.id, third.id)).toThrow('web has only this network interface (10.0.2.30); an instance needs at least one, so it cannot be detached');
    expect(m.interfaces.list(projectId, web.id).map((p) => p.fixedIp)).toEqual(['10.0.2.30']);
    // The detached port stays, free, for another instance.
    expect(m.network.getPort(first!.id)).toMatchObject({ deviceId: '', status: 'DOWN' });
  });
});

describe('the guest sees its interfaces', () => {
  it('`ip addr` lists eth0 on its subnet and each attached interface, also one attached while it runs', async () => {
    const world = vpcWorld();
    const { m, projectId, a, b } = world;
    const web = launchInstance(world, { name: 'web', networkId: a.networkId, subnetId: a.id, extraNetworks: [{ subnetId: b.id, fixedIp: '10.0.2.20' }] });
    const inet = async () => ((await m.guests.runCommand(projectId, web.id, 'ip addr')).stdout.match(/inet \S+ .* (eth\d)/g) ?? []).map((line) => line.replace(/ brd \S+ scope global dynamic/, ''));
    expect(await inet()).toEqual(['inet 10.0.1.2/24 eth0', 'inet 10.0.2.20/24 eth1']);
    m.interfaces.attach(projectId, web.id, { subnetId: b.id, fixedIp: '10.0.2.30' });
    expect(await inet()).toEqual(['inet 10.0.1.2/24 eth0', 'inet 10.0.2.20/24 eth1', 'inet 10.0.2.30/24 eth2']);
  });
});

describe('reachability follows the routes', () => {
  it('instances on subnets without a route between them cannot reach each other; a routing table connects them', async () => {
    const world = vpcWorld();
    allowAll(world);
    const { m, projectId, a, b, rt } = world;
    const x = launchInstance(world, { name: 'x', networkId: a.networkId, subnetId: a.id });
    const y = launchInstance(world, { name: 'y', networkId: b.networkId, subnetId: b.id });
    const yIp = m.network.interfacesOf(y)[0]!.fixedIp;
    expect(await m.guestNetwork.ping(x, yIp)).toEqual({ kind: 'unreachable', from: '10.0.1.2' });
    m.network.addRouterInterface(projectId, rt.id, b.id);
    expect(await m.guestNetwork.ping(x, yIp)).toMatchObject({ kind: 'reply' });
  });

  it('a floating IP behind a routing table without internet gateway does not answer, and the test says why', () => {
    const world = vpcWorld();
    allowAll(world);
    const { m, projectId, a, rt } = world;
    const web = m.instances.get(projectId, launchInstance(world, { name: 'web', networkId: a.networkId, subnetId: a.id }).id);
    const fip = m.floatingIps.allocate(projectId);
    m.floatingIps.associate(projectId, fip.id, web.portId!);
    expect(m.connectivity.testInstance(web, 'ssh')).toMatchObject({ allowed: true, action: 'accept' });
    m.network.updateRouter(projectId, rt.id, { externalGateway: false });
    const ssh = m.connectivity.testInstance(web, 'ssh');
    expect(ssh).toMatchObject({ allowed: false, action: 'drop', reason: { code: 'NO_INTERNET_GATEWAY' } });
    expect(ssh.reason.message).toBe(
      `TCP 22 from 198.51.100.77 to ${fip.address} gets no answer from web: no route to an internet gateway (routing table 'rt' of subnet 'a' has no internet gateway). Attach the internet gateway to the routing table of its subnet.`,
    );
    const batch = m.connectivity.testInstances(m.connectivity.snapshot(projectId), [m.instances.get(projectId, web.id)]);
    expect(batch.get(web.id)!.ssh.reason.code).toBe('NO_INTERNET_GATEWAY');
    m.network.updateRouter(projectId, rt.id, { externalGateway: true });
    expect(m.connectivity.testInstance(web, 'ssh').reason.code).toBe('ALLOWED_BY_RULE');
  });

  it("the data plane's connection verdict (cached) follows the internet gateway", () => {
    const world = vpcWorld();
    allowAll(world);
    const { m, projectId, a, rt } = world;
    const web = launchInstance(world, { name: 'web', networkId: a.networkId, subnetId: a.id });
    const fip = m.floatingIps.allocate(projectId);
    m.floatingIps.associate(projectId, fip.id, web.portId!);
    expect(m.traffic.connection(fip.address, 22)).toMatchObject({ action: 'accept' });
    m.network.updateRouter(projectId, rt.id, { externalGateway: false });
    expect(m.traffic.connection(fip.address, 22)).toMatchObject({ action: 'drop', verdict: { reason: { code: 'NO_INTERNET_GATEWAY' } } });
    m.network.updateRouter(projectId, rt.id, { externalGateway: true });
    expect(m.traffic.connection(fip.address, 22)).toMatchObject({ action: 'accept' });
  });

  it("a load balancer's VIP floating IP also needs a route to an internet gateway", () => {
    const world = vpcWorld();
    allowAll(world);
    const { m, engine, projectId, a, rt } = world;
    const web = launchInstance(world, { name: 'web', networkId: a.networkId, subnetId: a.id });
    const lb = m.loadBalancers.create(projectId, {
      name: 'lb',
      subnetId: a.id,
      listener: { protocol: 'HTTP', protocolPort: 80 },
      pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, healthMonitor: { type: 'TCP', monitorPort: 80 }, members: [{ instanceId: web.id }] },
    });
    engine.advance(4_000);
    const fip = m.floatingIps.allocate(projectId);
    m.floatingIps.associate(projectId, fip.id, lb.vipPortId!);
    expect(m.traffic.connection(fip.address, 80)).toMatchObject({ kind: 'load-balancer', action: 'accept' });
    m.network.updateRouter(projectId, rt.id, { externalGateway: false });
    const dropped = m.traffic.connection(fip.address, 80);
    expect(dropped).toMatchObject({ kind: 'load-balancer', action: 'drop', verdict: { allowed: false, reason: { code: 'NO_INTERNET_GATEWAY' } } });
    expect(dropped!.verdict.reason.message).toBe(
      `Traffic from ${m.traffic.clientIp()} to ${fip.address}:80 gets no answer from lb: no route to an internet gateway (routing table 'rt' of subnet 'a' has no internet gateway). Attach the internet gateway to the routing table of its subnet.`,
    );
    m.network.updateRouter(projectId, rt.id, { externalGateway: true });
    expect(m.traffic.connection(fip.address, 80)).toMatchObject({ kind: 'load-balancer', action: 'accept' });
  });

  it("a floating IP's recorded fixed IP follows its port to a new address", () => {
    const world = vpcWorld();
    allowAll(world);
    const { m, projectId, a, rt } = world;
    m.network.addRouterInterface(projectId, rt.id, world.b.id);
    const web = launchInstance(world, { name: 'web', networkId: a.networkId, subnetId: a.id });
    const fip = m.floatingIps.allocate(projectId);
    m.floatingIps.associate(projectId, fip.id, web.portId!);
    m.network.changeAddress(projectId, web.portId!, { fixedIp: '10.0.1.50' });
    expect(m.floatingIps.get(projectId, fip.id).fixedIp).toBe('10.0.1.50');
    m.network.changeAddress(projectId, web.portId!, { subnetId: world.b.id });
    expect(m.floatingIps.get(projectId, fip.id).fixedIp).toBe('10.0.2.2');
    expect(m.traffic.connection(fip.address, 22)).toMatchObject({ action: 'accept' });
  });

  it('the Default Network keeps working as before', async () => {
    const world = createTestWorld();
    allowAll(world);
    const one = launchInstance(world, { name: 'one' });
    const two = launchInstance(world, { name: 'two' });
    expect(world.m.network.interfacesOf(one)[0]!.fixedIp).toBe('192.168.0.4');
    expect(await world.m.guestNetwork.ping(one, world.m.network.interfacesOf(two)[0]!.fixedIp)).toMatchObject({ kind: 'reply' });
  });
});

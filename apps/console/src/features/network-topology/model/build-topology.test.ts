import type { TopologyDto, TopologyInstanceDto, TopologyVerdictDto } from '@sandcloud/api-schemas';
import { describe, expect, it } from 'vitest';
import { layoutKey, layoutTopology, toElkGraph } from '../layout/elk-graph.ts';
import { layeredLayout, type LayoutGraph } from '../layout/layered-layout.ts';
import { buildTopology, publicEdgeId, searchTopology, type TopologyViewOptions } from './build-topology.ts';
import { SIZES } from './geometry.ts';
import { assignSlots } from './slots.ts';
import type { InstanceData, NetworkData, TopologyGraph } from './types.ts';

const PUBLIC = 'public-net';
const NET = 'net-default';
const ROUTER = 'router-1';

function instance(id: string, overrides: Partial<TopologyInstanceDto> = {}): TopologyInstanceDto {
  return {
    id,
    name: id,
    status: 'ACTIVE',
    taskState: null,
    powerState: 'RUNNING',
    networkId: NET,
    portId: `port-${id}`,
    privateIp: `192.168.0.${4 + Number(id.replace(/\D/g, '') || 0)}`,
    floatingIp: null,
    floatingIpId: null,
    securityGroupIds: ['sg-default'],
    ...overrides,
  };
}

function topology(overrides: Partial<TopologyDto> = {}): TopologyDto {
  return {
    publicNetwork: { id: PUBLIC, name: 'Public Network' },
    routers: [{ id: ROUTER, name: 'Default Router', status: 'ACTIVE', externalNetworkId: PUBLIC, networkIds: [NET] }],
    networks: [{ id: NET, name: 'Default Network', status: 'ACTIVE', subnets: [{ id: 'subnet-1', name: 'Default Subnet', cidr: '192.168.0.0/24', gatewayIp: '192.168.0.1' }] }],
    instances: [],
    floatingIps: [],
    securityGroups: [{ id: 'sg-default', name: 'default' }],
    ...overrides,
  };
}

const view = (overrides: Partial<TopologyViewOptions> = {}): TopologyViewOptions => ({ showVolumes: false, collapsedNetworkIds: new Set(), ...overrides });
const node = (graph: TopologyGraph, id: string) => graph.nodes.find((n) => n.id === id);
const edgeIds = (graph: TopologyGraph) => graph.edges.map((edge) => edge.id).sort();

const verdict = (allowed: boolean, code: TopologyVerdictDto['reason']['code']): TopologyVerdictDto => ({ allowed, reason: { code, message: code } });

describe('buildTopology', () => {
  it('draws the Public Network, the router and the Default Network with its CIDR, linked in layers', () => {
    const graph = buildTopology(topology(), view());
    expect(graph.nodes.map((n) => [n.id, n.kind])).toEqual([
      [PUBLIC, 'publicNetwork'],
      [ROUTER, 'router'],
      [NET, 'network'],
    ]);
    expect((node(graph, NET)!.data as NetworkData).cidr).toBe('192.168.0.0/24');
    expect(graph.edges).toEqual([
      { id: `uplink-${ROUTER}`, source: PUBLIC, target: ROUTER, data: { kind: 'uplink' }, layout: true },
      { id: `subnet-${ROUTER}-${NET}`, source: ROUTER, target: NET, data: { kind: 'subnet' }, layout: true },
    ]);
  });

  it('puts an instance inside its network only; a floating IP adds its path from the Public Network', () => {
    const web = instance('web');
    let graph = buildTopology(topology({ instances: [web] }), view());
    const drawn = node(graph, 'web')!;
    expect(drawn).toMatchObject({ kind: 'instance', parentId: NET, position: { x: SIZES.network.padding, y: SIZES.network.header + SIZES.gridTop } });
    expect((drawn.data as InstanceData).tone).toBe('good');
    expect(graph.edges.some((edge) => edge.target === 'web')).toBe(false);

    graph = buildTopology(topology({ instances: [{ ...web, floatingIp: '203.0.113.10', floatingIpId: 'fip-1' }] }), view());
    expect(graph.edges.find((edge) => edge.id === publicEdgeId('web'))).toEqual({
      id: 'public-web',
      source: PUBLIC,
      target: 'web',
      data: { kind: 'floatingIp', address: '203.0.113.10' },
      layout: false,
    });
  });

  it("draws an instance's interface on another VPC as a link to that network, once per network (and none on its own)", () => {
    const vpc = { id: 'vpc-b', name: 'vpc-b', status: 'ACTIVE' as const, subnets: [{ id: 'sub-b', name: 'sub-b', cidr: '10.20.2.0/24', gatewayIp: '10.20.2.1' }] };
    const extra = (portId: string, networkId: string, subnetId: string, fixedIp: string) => ({ portId, networkId, subnetId, fixedIp });
    const web = instance('web', {
      extraInterfaces: [extra('p2', 'vpc-b', 'sub-b', '10.20.2.10'), extra('p3', 'vpc-b', 'sub-b', '10.20.2.11'), extra('p4', NET, 'subnet-1', '192.168.0.9')],
    });
    const graph = buildTopology(topology({ networks: [...topology().networks, vpc], instances: [web] }), view());
    expect(graph.edges.filter((edge) => edge.data.kind === 'interface')).toEqual([
      { id: 'interface-web-vpc-b', source: 'web', target: 'vpc-b', data: { kind: 'interface' }, layout: false },
    ]);
  });

  it('colours by status, with a task in flight shown as in progress', () => {
    const graph = buildTopology(
      topology({
        instances: [
          instance('a', { status: 'BUILD' }),
          instance('b', { status: 'SHUTOFF', powerState: 'SHUTDOWN' }),
          instance('c', { status: 'ERROR' }),
          instance('d', { taskState: 'deleting' }),
        ],
      }),
      view(),
    );
    const tones = ['a', 'b', 'c', 'd'].map((id) => (node(graph, id)!.data as InstanceData).tone);
    expect(tones).toEqual(['busy', 'idle', 'bad', 'busy']);
    expect((node(graph, NET)!.data as NetworkData).tones).toEqual({ good: 0, busy: 2, bad: 1, idle: 1 });
  });

  it('keeps every instance in its grid cell when one is added or deleted', () => {
    const first = buildTopology(topology({ instances: [instance('a'), instance('b'), instance('c')] }), view());
    const second = buildTopology(topology({ instances: [instance('a'), instance('b'), instance('c'), instance('d')] }), view({ previousSlots: first.slots }));
    for (const id of ['a', 'b', 'c']) expect(node(second, id)!.position).toEqual(node(first, id)!.position);

    const withoutB = buildTopology(topology({ instances: [instance('a'), instance('c'), instance('d')] }), view({ previousSlots: second.slots }));
    expect(node(withoutB, 'c')!.position).toEqual(node(second, 'c')!.position);
    expect(node(withoutB, 'd')!.position).toEqual(node(second, 'd')!.position);
    // The next instance takes the cell b left.
    const withE = buildTopology(topology({ instances: [instance('a'), instance('c'), instance('d'), instance('e')] }), view({ previousSlots: withoutB.slots }));
    expect(node(withE, 'e')!.position).toEqual(node(second, 'b')!.position);
  });

  it('packs the grid again once it is mostly gaps', () => {
    const slots = assignSlots(new Map([[NET, new Map([['a', 0], ['z', 40]])]]), new Map([[NET, ['a', 'z']]]));
    expect([...slots.get(NET)!]).toEqual([['a', 0], ['z', 1]]);
  });

  it('folds a collapsed network into one node, with one Internet path for all its floating IPs', () => {
    const instances = Array.from({ length: 20 }, (_, n) => instance(`i${n}`, n < 3 ? { floatingIp: `203.0.113.${10 + n}` } : {}));
    const expanded = buildTopology(topology({ instances }), view());
    expect((node(expanded, NET)!.data as NetworkData).collapsible).toBe(true);
    expect(expanded.edges.filter((edge) => edge.data.kind === 'floatingIp')).toHaveLength(3);

    const collapsed = buildTopology(topology({ instances }), view({ collapsedNetworkIds: new Set([NET]) }));
    expect(collapsed.nodes.filter((n) => n.kind === 'instance')).toHaveLength(0);
    expect((node(collapsed, NET)!.data as NetworkData)).toMatchObject({ collapsed: true, instanceCount: 20, floatingIpCount: 3 });
    expect(collapsed.edges.filter((edge) => edge.data.kind === 'floatingIp')).toEqual([
      { id: publicEdgeId(NET), source: PUBLIC, target: NET, data: { kind: 'floatingIp', count: 3 }, layout: false },
    ]);
    expect(node(collapsed, NET)!.height).toBeLessThan(node(expanded, NET)!.height);
  });

  it('shows attached volumes under their instance only when asked', () => {
    const dto = topology({
      instances: [instance('web')],
      volumes: [
        { id: 'vol-2', name: 'logs', status: 'in-use', sizeGb: 20, attachments: [{ instanceId: 'web', device: '/dev/vdc' }] },
        { id: 'vol-1', name: 'data', status: 'in-use', sizeGb: 10, attachments: [{ instanceId: 'web', device: '/dev/vdb' }] },
        { id: 'vol-3', name: 'spare', status: 'available', sizeGb: 10, attachments: [] },
      ],
    });
    const hidden = buildTopology(dto, view());
    expect(hidden.nodes.filter((n) => n.kind === 'volume')).toHaveLength(0);
    expect((node(hidden, 'web')!.data as InstanceData).volumeCount).toBe(2);

    const shown = buildTopology(dto, view({ showVolumes: true }));
    const volumes = shown.nodes.filter((n) => n.kind === 'volume');
    expect(volumes.map((v) => v.id)).toEqual(['vol-1', 'vol-2']);
    const web = node(shown, 'web')!;
    expect(volumes[0]!.parentId).toBe(NET);
    expect(volumes[0]!.position!.y).toBe(web.position!.y + SIZES.instance.height + SIZES.volumeGap);
    expect(volumes[1]!.position!.x).toBeGreaterThan(volumes[0]!.position!.x);
    expect(edgeIds(shown)).toContain('volume-vol-1');
    expect(node(shown, NET)!.height).toBeGreaterThan(node(hidden, NET)!.height);
  });

  it('places load balancers under their network, with the VIP path and the members', () => {
    const dto = topology({
      instances: [instance('web-1'), instance('web-2')],
      loadBalancers: [
        {
          id: 'lb-1',
          name: 'my-lb',
          status: 'ACTIVE',
          networkId: NET,
          vipAddress: '192.168.0.10',
          vipPortId: 'port-vip',
          floatingIp: '203.0.113.20',
          members: [
            { id: 'm1', instanceId: 'web-1', address: '192.168.0.5', port: 80, status: 'ONLINE' },
            { id: 'm2', instanceId: 'web-2', address: '192.168.0.6', port: 80, status: 'ONLINE' },
          ],
        },
      ],
    });
    const graph = buildTopology(dto, view());
    expect(node(graph, 'lb-1')).toMatchObject({ kind: 'loadBalancer' });
    expect(node(graph, 'lb-1')!.parentId).toBeUndefined();
    expect(graph.edges.find((edge) => edge.id === 'vip-lb-1')).toMatchObject({ source: NET, target: 'lb-1', layout: true });
    expect(graph.edges.find((edge) => edge.id === publicEdgeId('lb-1'))).toMatchObject({ data: { address: '203.0.113.20' } });
    expect(edgeIds(graph)).toEqual(expect.arrayContaining(['member-lb-1-web-1', 'member-lb-1-web-2']));

    const collapsed = buildTopology(dto, view({ collapsedNetworkIds: new Set([NET]) }));
    expect(collapsed.edges.filter((edge) => edge.data.kind === 'member')).toEqual([
      { id: `member-lb-1-${NET}`, source: 'lb-1', target: NET, data: { kind: 'member' }, layout: false },
    ]);
  });

  it('carries the reachability verdicts into each instance and marks the Internet paths that get through', () => {
    const blocked = { ping: verdict(false, 'NO_MATCHING_RULE'), ssh: verdict(false, 'NO_MATCHING_RULE'), http: verdict(false, 'NO_MATCHING_RULE') };
    const pingOnly = { ...blocked, ping: verdict(true, 'ALLOWED_BY_RULE') };
    const noIp = { ping: verdict(false, 'NO_FLOATING_IP'), ssh: verdict(false, 'NO_FLOATING_IP'), http: verdict(false, 'NO_FLOATING_IP') };
    const dto = topology({
      instances: [instance('a', { floatingIp: '203.0.113.10' }), instance('b', { floatingIp: '203.0.113.11' }), instance('c')],
      reachability: { source: 'internet', sourceIp: '198.51.100.77', instances: { a: pingOnly, b: blocked, c: noIp } },
    });
    const graph = buildTopology(dto, view());
    expect((node(graph, 'a')!.data as InstanceData).verdicts).toEqual(pingOnly);
    expect((node(graph, 'c')!.data as InstanceData).verdicts?.ssh.reason.code).toBe('NO_FLOATING_IP');
    expect(graph.edges.find((edge) => edge.id === 'public-a')!.data.reachable).toBe(true);
    expect(graph.edges.find((edge) => edge.id === 'public-b')!.data.reachable).toBe(false);
    expect((node(buildTopology(topology({ instances: [instance('a')] }), view()), 'a')!.data as InstanceData).verdicts).toBeNull();
  });
});

describe('searchTopology', () => {
  const dto = topology({
    instances: [instance('web-1', { floatingIp: '203.0.113.10' }), instance('web-2'), instance('db')],
  });

  it('finds by exact address first, then by name', () => {
    expect(searchTopology(dto, '203.0.113.10').map((hit) => hit.id)).toEqual(['web-1']);
    expect(searchTopology(dto, 'WEB').map((hit) => hit.id)).toEqual(['web-1', 'web-2']);
    expect(searchTopology(dto, '192.168.0.0/24')[0]).toMatchObject({ kind: 'network', id: NET });
    expect(searchTopology(dto, '  ')).toEqual([]);
  });

  it('names the network of an instance, so a collapsed one can be opened', () => {
    expect(searchTopology(dto, 'db')[0]).toMatchObject({ kind: 'instance', networkId: NET });
  });
});

describe('layered layout', () => {
  const elk = { layout: async (graph: LayoutGraph) => layeredLayout(graph) };

  it('stacks the Internet, the router, the networks and the load balancers top to bottom', async () => {
    const graph = buildTopology(
      topology({
        instances: [instance('web')],
        loadBalancers: [{ id: 'lb', name: 'lb', status: 'ACTIVE', networkId: NET, vipAddress: '192.168.0.10', vipPortId: null, floatingIp: null, members: [] }],
      }),
      view(),
    );
    const positions = await layoutTopology(elk, toElkGraph(graph));
    expect(Object.keys(positions).sort()).toEqual([NET, PUBLIC, ROUTER, 'lb'].sort());
    expect(positions[PUBLIC]!.y).toBeLessThan(positions[ROUTER]!.y);
    expect(positions[ROUTER]!.y).toBeLessThan(positions[NET]!.y);
    expect(positions[NET]!.y + node(graph, NET)!.height).toBeLessThanOrEqual(positions.lb!.y);
  });

  it('keeps the previous order and the Public Network in place when a network is added', async () => {
    const two = topology({
      networks: [
        ...topology().networks,
        { id: 'net-b', name: 'b', status: 'ACTIVE', subnets: [{ id: 's-b', name: 's-b', cidr: '10.0.1.0/24', gatewayIp: '10.0.1.1' }] },
      ],
      routers: [{ id: ROUTER, name: 'r', status: 'ACTIVE', externalNetworkId: PUBLIC, networkIds: [NET, 'net-b'] }],
    });
    const before = await layoutTopology(elk, toElkGraph(buildTopology(two, view())));
    const three: TopologyDto = {
      ...two,
      networks: [{ id: 'net-c', name: 'c', status: 'ACTIVE', subnets: [] }, ...two.networks],
      routers: [{ ...two.routers[0]!, networkIds: ['net-c', NET, 'net-b'] }],
    };
    const moved = { ...before, [PUBLIC]: { x: 500, y: 40 } };
    const graph = buildTopology(three, view());
    const after = await layoutTopology(elk, toElkGraph(graph, moved), moved, PUBLIC);
    expect(after[PUBLIC]).toEqual({ x: 500, y: 40 });
    // The new network comes after those already drawn, whose order is kept.
    expect(after[NET]!.x).toBeLessThan(after['net-b']!.x);
    expect(after['net-b']!.x).toBeLessThan(after['net-c']!.x);
  });

  it('needs no new layout when only statuses change', () => {
    const a = buildTopology(topology({ instances: [instance('web', { status: 'BUILD' })] }), view());
    const b = buildTopology(topology({ instances: [instance('web')] }), view({ previousSlots: a.slots }));
    expect(layoutKey(a)).toBe(layoutKey(b));
  });
});

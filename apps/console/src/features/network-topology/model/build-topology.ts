import type { TopologyDto, TopologyInstanceDto, TopologyVolumeDto } from '@sandcloud/api-schemas';
import { statusTone } from '../../../components/ui/status-badge.tsx';
import { cellPosition, COLLAPSIBLE_FROM, networkGeometry, SIZES, volumePosition } from './geometry.ts';
import { assignSlots } from './slots.ts';
import type {
  InstanceData,
  NetworkData,
  SlotMap,
  Tone,
  TopologyEdge,
  TopologyGraph,
  TopologyNode,
  Verdicts,
} from './types.ts';

export interface TopologyViewOptions {
  /** Draw the volumes attached to each instance under it. */
  showVolumes: boolean;
  /** Networks whose instances are folded into the network node. */
  collapsedNetworkIds: ReadonlySet<string>;
  /** The grid cells of the previous build, so instances keep theirs. */
  previousSlots?: SlotMap;
}

/** An operation in flight (powering off, deleting) shows as in progress whatever the status says. */
export const toneOf = (status: string, taskState?: string | null): Tone => (taskState ? 'busy' : statusTone(status));

/** One collator for every comparison: `localeCompare` with options builds a new one per call. */
const names = new Intl.Collator(undefined, { numeric: true });
const byName = (a: { name: string }, b: { name: string }) => names.compare(a.name, b.name);

const emptyTones = (): Record<Tone, number> => ({ good: 0, busy: 0, bad: 0, idle: 0 });

/** Ids of the edges that carry an Internet path to a node (its floating IP), for the view and its tests. */
export const publicEdgeId = (targetId: string) => `public-${targetId}`;

/**
 * The graph of a project's network, from the topology answer: Public Network → routers → networks
 * (instances inside, in a stable grid) → load balancers, plus the floating-IP paths from the
 * Public Network, load-balancer members and, on demand, volumes. Pure: the drawing library and the
 * layout engine only see its output.
 */
export function buildTopology(dto: TopologyDto, options: TopologyViewOptions): TopologyGraph {
  const nodes: TopologyNode[] = [];
  const children: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const publicId = dto.publicNetwork.id;
  const groupNames = new Map(dto.securityGroups.map((group) => [group.id, group.name]));
  const reachability = dto.reachability?.instances;

  const networkIds = new Set(dto.networks.map((network) => network.id));
  const instancesByNetwork = new Map<string, TopologyInstanceDto[]>(dto.networks.map((network) => [network.id, []]));
  for (const instance of dto.instances) instancesByNetwork.get(instance.networkId)?.push(instance);
  // Cells are handed out in name order (web-1, web-2… web-10), then kept.
  for (const members of instancesByNetwork.values()) members.sort(byName);
  const slots = assignSlots(
    options.previousSlots,
    new Map([...instancesByNetwork].map(([networkId, members]) => [networkId, members.map((instance) => instance.id)])),
  );

  const volumesByInstance = new Map<string, { volume: TopologyVolumeDto; device: string | null }[]>();
  for (const volume of dto.volumes ?? []) {
    for (const attachment of volume.attachments) {
      const list = volumesByInstance.get(attachment.instanceId) ?? [];
      list.push({ volume, device: attachment.device });
      volumesByInstance.set(attachment.instanceId, list);
    }
  }
  for (const list of volumesByInstance.values()) list.sort((a, b) => names.compare(a.device ?? '', b.device ?? ''));

  // Where each instance is drawn: itself, or its network when the network is collapsed.
  const shownAs = new Map<string, string>();

  nodes.push({
    id: publicId,
    kind: 'publicNetwork',
    data: { kind: 'publicNetwork', name: dto.publicNetwork.name, attachedFloatingIps: dto.floatingIps.filter((ip) => ip.target).length },
    ...SIZES.publicNetwork,
  });

  for (const router of dto.routers) {
    nodes.push({ id: router.id, kind: 'router', data: { kind: 'router', router }, ...SIZES.router });
    if (router.externalNetworkId === publicId) edges.push({ id: `uplink-${router.id}`, source: publicId, target: router.id, data: { kind: 'uplink' }, layout: true });
    for (const networkId of router.networkIds) {
      if (networkIds.has(networkId)) {
        edges.push({ id: `subnet-${router.id}-${networkId}`, source: router.id, target: networkId, data: { kind: 'subnet' }, layout: true });
      }
    }
  }

  for (const network of dto.networks) {
    const members = instancesByNetwork.get(network.id) ?? [];
    const networkSlots = slots.get(network.id) ?? new Map<string, number>();
    const collapsed = options.collapsedNetworkIds.has(network.id) && members.length > 0;
    const tones = emptyTones();
    for (const instance of members) tones[toneOf(instance.status, instance.taskState)]++;
    const volumeRows = options.showVolumes ? Math.max(0, ...members.map((i) => Math.ceil((volumesByInstance.get(i.id)?.length ?? 0) / 2))) : 0;
    const cells = Math.max(-1, ...networkSlots.values()) + 1;
    const grid = networkGeometry(collapsed ? 0 : cells, volumeRows);
    const data: NetworkData = {
      kind: 'network',
      network,
      cidr: network.subnets[0]?.cidr ?? null,
      instanceCount: members.length,
      tones,
      floatingIpCount: members.filter((instance) => instance.floatingIp).length,
      collapsed,
      collapsible: collapsed || members.length >= COLLAPSIBLE_FROM,
    };
    nodes.push({
      id: network.id,
      kind: 'network',
      data,
      width: grid.width,
      height: collapsed ? SIZES.network.header + SIZES.network.collapsedBody : grid.height,
    });

    for (const instance of members) {
      if (collapsed) {
        shownAs.set(instance.id, network.id);
        continue;
      }
      shownAs.set(instance.id, instance.id);
      const position = cellPosition(networkSlots.get(instance.id) ?? 0, grid);
      const attached = volumesByInstance.get(instance.id) ?? [];
      const instanceData: InstanceData = {
        kind: 'instance',
        instance,
        tone: toneOf(instance.status, instance.taskState),
        securityGroupNames: instance.securityGroupIds.map((id) => groupNames.get(id) ?? id),
        volumeCount: attached.length,
        verdicts: (reachability?.[instance.id] as Verdicts | undefined) ?? null,
      };
      children.push({
        id: instance.id,
        kind: 'instance',
        data: instanceData,
        ...SIZES.instance,
        parentId: network.id,
        position,
      });
      if (options.showVolumes) {
        attached.forEach(({ volume, device }, index) => {
          children.push({
            id: volume.id,
            kind: 'volume',
            data: { kind: 'volume', volume, device, tone: toneOf(volume.status) },
            ...SIZES.volume,
            parentId: network.id,
            position: volumePosition(position, index),
          });
          edges.push({ id: `volume-${volume.id}`, source: instance.id, target: volume.id, data: { kind: 'volume' }, layout: false });
        });
      }
    }

    if (collapsed) {
      const withIp = members.filter((instance) => instance.floatingIp);
      if (withIp.length > 0) {
        const reachable = reachability ? withIp.some((instance) => anyAllowed(reachability[instance.id] as Verdicts | undefined)) : undefined;
        edges.push({
          id: publicEdgeId(network.id),
          source: publicId,
          target: network.id,
          data: { kind: 'floatingIp', count: withIp.length, ...(reachable === undefined ? {} : { reachable }) },
          layout: false,
        });
      }
    }
  }

  for (const instance of dto.instances) {
    if (!instance.floatingIp || shownAs.get(instance.id) !== instance.id) continue;
    const verdicts = reachability?.[instance.id] as Verdicts | undefined;
    edges.push({
      id: publicEdgeId(instance.id),
      source: publicId,
      target: instance.id,
      data: { kind: 'floatingIp', address: instance.floatingIp, ...(reachability ? { reachable: anyAllowed(verdicts) } : {}) },
      layout: false,
    });
  }

  // An instance's other interfaces: a link to each other network it has one on (subnets are drawn inside their network).
  // A collapsed network draws one link per other network for all its instances.
  const interfaceEdges = new Set<string>();
  for (const instance of dto.instances) {
    const source = shownAs.get(instance.id);
    if (!source || !instance.extraInterfaces) continue;
    for (const { networkId } of instance.extraInterfaces) {
      const id = `interface-${source}-${networkId}`;
      if (networkId === instance.networkId || networkId === source || !networkIds.has(networkId) || interfaceEdges.has(id)) continue;
      interfaceEdges.add(id);
      edges.push({ id, source, target: networkId, data: { kind: 'interface' }, layout: false });
    }
  }

  for (const loadBalancer of dto.loadBalancers ?? []) {
    nodes.push({
      id: loadBalancer.id,
      kind: 'loadBalancer',
      data: { kind: 'loadBalancer', loadBalancer, tone: toneOf(loadBalancer.status) },
      ...SIZES.loadBalancer,
    });
    if (networkIds.has(loadBalancer.networkId)) {
      edges.push({ id: `vip-${loadBalancer.id}`, source: loadBalancer.networkId, target: loadBalancer.id, data: { kind: 'vip' }, layout: true });
    }
    if (loadBalancer.floatingIp) {
      edges.push({
        id: publicEdgeId(loadBalancer.id),
        source: publicId,
        target: loadBalancer.id,
        data: { kind: 'floatingIp', address: loadBalancer.floatingIp },
        layout: false,
      });
    }
    const drawnTo = new Set<string>();
    for (const member of loadBalancer.members) {
      const target = member.instanceId ? shownAs.get(member.instanceId) : undefined;
      if (!target || drawnTo.has(target)) continue;
      drawnTo.add(target);
      edges.push({ id: `member-${loadBalancer.id}-${target}`, source: loadBalancer.id, target, data: { kind: 'member' }, layout: false });
    }
  }

  // Parents come before their children, as drawing libraries expect.
  return { nodes: [...nodes, ...children], edges, slots };
}

const anyAllowed = (verdicts: Verdicts | undefined): boolean => Boolean(verdicts && Object.values(verdicts).some((verdict) => verdict.allowed));

export interface SearchHit {
  id: string;
  kind: 'instance' | 'network' | 'router' | 'loadBalancer' | 'volume';
  name: string;
  /** The addresses or CIDR shown beside the name. */
  detail: string;
  /** For an instance: its network (which may have to be expanded to show it). */
  networkId?: string;
}

/**
 * Finds resources by name or address, whether or not they are drawn now (an instance of a
 * collapsed network, a volume while volumes are hidden): exact matches first, then names and
 * addresses that start with the text, then the rest.
 */
export function searchTopology(dto: TopologyDto, text: string, limit = 8): SearchHit[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const candidates: { hit: SearchHit; words: string[] }[] = [
    ...dto.instances.map((i) => ({
      hit: { id: i.id, kind: 'instance' as const, name: i.name, detail: [i.privateIp, i.floatingIp].filter(Boolean).join(' · '), networkId: i.networkId },
      words: [i.name, i.privateIp ?? '', i.floatingIp ?? ''],
    })),
    ...dto.networks.map((n) => ({
      hit: { id: n.id, kind: 'network' as const, name: n.name, detail: n.subnets.map((s) => s.cidr).join(', ') },
      words: [n.name, ...n.subnets.map((s) => s.cidr)],
    })),
    ...dto.routers.map((r) => ({ hit: { id: r.id, kind: 'router' as const, name: r.name, detail: '' }, words: [r.name] })),
    ...(dto.loadBalancers ?? []).map((lb) => ({
      hit: { id: lb.id, kind: 'loadBalancer' as const, name: lb.name, detail: [lb.vipAddress, lb.floatingIp].filter(Boolean).join(' · ') },
      words: [lb.name, lb.vipAddress, lb.floatingIp ?? ''],
    })),
    ...(dto.volumes ?? []).map((v) => ({ hit: { id: v.id, kind: 'volume' as const, name: v.name, detail: `${v.sizeGb} GB` }, words: [v.name] })),
  ];
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const { hit, words } of candidates) {
    const lower = words.filter(Boolean).map((word) => word.toLowerCase());
    const score = lower.includes(needle) ? 0 : lower.some((word) => word.startsWith(needle)) ? 1 : lower.some((word) => word.includes(needle)) ? 2 : -1;
    if (score >= 0) scored.push({ hit, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || names.compare(a.hit.name, b.hit.name))
    .slice(0, limit)
    .map((entry) => entry.hit);
}

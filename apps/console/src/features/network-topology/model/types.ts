import type {
  TopologyInstanceDto,
  TopologyLoadBalancerDto,
  TopologyNetworkDto,
  TopologyRouterDto,
  TopologyTest,
  TopologyVerdictDto,
  TopologyVolumeDto,
} from '@sandcloud/api-schemas';

/** Green running, amber in progress, red failed, grey stopped: the colours of every status badge. */
export type Tone = 'good' | 'busy' | 'bad' | 'idle';

export type Verdicts = Record<TopologyTest, TopologyVerdictDto>;

export interface PublicNetworkData {
  kind: 'publicNetwork';
  name: string;
  /** Floating IPs of this project that forward to something. */
  attachedFloatingIps: number;
  [key: string]: unknown;
}

export interface RouterData {
  kind: 'router';
  router: TopologyRouterDto;
  [key: string]: unknown;
}

export interface NetworkData {
  kind: 'network';
  network: TopologyNetworkDto;
  cidr: string | null;
  instanceCount: number;
  tones: Record<Tone, number>;
  floatingIpCount: number;
  collapsed: boolean;
  /** Many instances: the view offers to fold them into one group. */
  collapsible: boolean;
  [key: string]: unknown;
}

export interface InstanceData {
  kind: 'instance';
  instance: TopologyInstanceDto;
  tone: Tone;
  securityGroupNames: string[];
  volumeCount: number;
  /** Present while the reachability overlay is on. */
  verdicts: Verdicts | null;
  [key: string]: unknown;
}

export interface LoadBalancerData {
  kind: 'loadBalancer';
  loadBalancer: TopologyLoadBalancerDto;
  tone: Tone;
  [key: string]: unknown;
}

export interface VolumeData {
  kind: 'volume';
  volume: TopologyVolumeDto;
  device: string | null;
  tone: Tone;
  [key: string]: unknown;
}

export type TopologyNodeData = PublicNetworkData | RouterData | NetworkData | InstanceData | LoadBalancerData | VolumeData;
export type TopologyNodeKind = TopologyNodeData['kind'];

/**
 * A node of the graph, independent of any drawing library. Top-level nodes ("backbone": the Public
 * Network, routers, networks, load balancers) are placed by the layered layout; instances and
 * volumes sit inside their network at a position computed here, relative to it.
 */
export interface TopologyNode<D extends TopologyNodeData = TopologyNodeData> {
  id: string;
  kind: D['kind'];
  data: D;
  width: number;
  height: number;
  parentId?: string;
  /** For children: the position inside the parent. Backbone nodes get theirs from the layout. */
  position?: { x: number; y: number };
}

export type EdgeKind = 'uplink' | 'subnet' | 'floatingIp' | 'vip' | 'member' | 'volume' | 'interface';

export interface TopologyEdgeData {
  kind: EdgeKind;
  /** The floating IP an Internet path goes through. */
  address?: string;
  /** Several paths folded into one (a collapsed network): how many. */
  count?: number;
  /** With the overlay on: does anything (ICMP, SSH or HTTP) get through on this path? */
  reachable?: boolean;
  [key: string]: unknown;
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  data: TopologyEdgeData;
  /** Whether the layered layout takes this edge into account (the backbone tree) or only draws it. */
  layout: boolean;
}

/** Which grid cell each instance holds in its network, kept between updates so nothing jumps. */
export type SlotMap = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface TopologyGraph {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  slots: SlotMap;
}

import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Translate } from '../../../lib/i18n/i18n.tsx';
import type { Positions } from '../layout/elk-graph.ts';
import { SIZES } from '../model/geometry.ts';
import { publicEdgeId } from '../model/build-topology.ts';
import type { EdgeKind, Tone, TopologyEdgeData, TopologyGraph, TopologyNode, TopologyNodeData } from '../model/types.ts';

/**
 * Where a link attaches to a node. Declared on the node (`handles`), so React Flow draws links
 * without measuring a thousand nodes in the DOM; the node components draw the same ports at the
 * same places (`Ports`).
 */
export type Port = NodeHandle & { id: string };

/** An instance drawn as a small box inside its network while the whole of a large graph is in view. */
export interface OverviewCell {
  id: string;
  name: string;
  ip: string;
  x: number;
  y: number;
  tone: Tone;
}

export type WithPorts<D> = D & { ports: Port[]; cells?: OverviewCell[] };
export type FlowNodeData = WithPorts<TopologyNodeData>;
export type FlowNode = Node<FlowNodeData>;
export type FlowEdge = Edge<TopologyEdgeData>;

type PortKind = 'in' | 'out' | 'member-in' | 'members';

/** Which port of each end a link uses. */
const HANDLES: Record<EdgeKind, { sourceHandle: PortKind; targetHandle: PortKind }> = {
  uplink: { sourceHandle: 'out', targetHandle: 'in' },
  subnet: { sourceHandle: 'out', targetHandle: 'in' },
  floatingIp: { sourceHandle: 'out', targetHandle: 'in' },
  vip: { sourceHandle: 'out', targetHandle: 'in' },
  member: { sourceHandle: 'members', targetHandle: 'member-in' },
  volume: { sourceHandle: 'out', targetHandle: 'in' },
  interface: { sourceHandle: 'out', targetHandle: 'in' },
};

const isTop = (kind: PortKind) => kind === 'in' || kind === 'members';

/** A port at the middle of the top or bottom edge of a box at (x, y) in its node. */
function port(id: string, kind: PortKind, box: { x: number; y: number; width: number; height: number }): Port {
  return {
    id,
    type: kind === 'out' || kind === 'members' ? 'source' : 'target',
    position: isTop(kind) ? Position.Top : Position.Bottom,
    x: box.x + box.width / 2 - 0.5,
    y: isTop(kind) ? box.y : box.y + box.height - 1,
    width: 1,
    height: 1,
  };
}

/** The accessible name of a node: its kind, name and addresses ("instance web 192.168.0.4"), then its state. */
export function ariaLabelOf(node: TopologyNode, t: Translate): string {
  const data = node.data;
  switch (data.kind) {
    case 'publicNetwork':
      return t('topology.aria.publicNetwork', { name: data.name });
    case 'router':
      return t('topology.aria.router', { name: data.router.name });
    case 'network':
      return [t('topology.aria.network', { name: data.network.name, cidr: data.cidr ?? '' }).trim(), data.collapsed ? t('topology.aria.collapsed', { count: data.instanceCount }) : '']
        .filter(Boolean)
        .join(' · ');
    case 'instance': {
      const { instance } = data;
      return [
        t('topology.aria.instance', { name: instance.name, ip: instance.privateIp ?? '' }).trim(),
        t('topology.aria.status', { status: instance.taskState ?? instance.status }),
        instance.floatingIp ? t('topology.aria.floatingIp', { ip: instance.floatingIp }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'loadBalancer':
      return t('topology.aria.loadBalancer', { name: data.loadBalancer.name, ip: data.loadBalancer.vipAddress });
    case 'volume':
      return t('topology.aria.volume', { name: data.volume.name, device: data.device ?? '' }).trim();
  }
}

const sameArray = (x: readonly unknown[], y: readonly unknown[]) => x.length === y.length && x.every((item, index) => item === y[index]);
const sameRecord = (x: object, y: object) => {
  const entries = Object.entries(x);
  return entries.length === Object.keys(y).length && entries.every(([key, value]) => (y as Record<string, unknown>)[key] === value);
};

/** Equal when every field is the same value, or an array / plain object of the same values. */
function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return true;
    if (Array.isArray(x) && Array.isArray(y)) return sameArray(x, y);
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) return sameRecord(x, y);
    return false;
  });
}

/** Equal ports and cells, field by field (they are rebuilt at every composition). */
const samePorts = (x: readonly Port[], y: readonly Port[]) => x.length === y.length && x.every((p, i) => sameRecord(p, y[i]!));
const sameCells = (x: readonly OverviewCell[] | undefined, y: readonly OverviewCell[] | undefined) =>
  x === y || (!!x && !!y && x.length === y.length && x.every((c, i) => sameRecord(c, y[i]!)));

/**
 * Turns the graph and the layout into React Flow's nodes and edges, handing back the very same
 * objects for what did not change. React Flow then skips them: a status change redraws one node,
 * not a thousand.
 *
 * In overview (a large graph seen whole), instances and volumes are not React Flow nodes: each
 * network draws its instances as small boxes, and the links to them end on the network, at the
 * instance's box.
 */
export class FlowComposer {
  private nodes = new Map<string, FlowNode>();
  private edges = new Map<string, FlowEdge>();

  composeNodes(graph: TopologyGraph, layout: Positions, selectedId: string | null, t: Translate, overview: boolean): FlowNode[] {
    const targets = edgeEnds(drawnEdges(graph, overview));
    const cells = overview ? overviewCells(graph) : null;
    const next = new Map<string, FlowNode>();
    const result: FlowNode[] = [];
    for (const node of graph.nodes) {
      if (overview && node.parentId) continue;
      const placed = node.parentId ? node.position : layout[node.id];
      const ports = portsOf(node, targets.get(node.id) ?? [], cells);
      const nodeCells = cells?.get(node.id);
      const candidate: FlowNode = {
        id: node.id,
        type: node.kind,
        position: placed ?? { x: 0, y: 0 },
        data: { ...node.data, ports, ...(nodeCells ? { cells: nodeCells } : {}) },
        width: node.width,
        height: node.height,
        // Known sizes and ports: React Flow need not measure the nodes before drawing the links.
        measured: { width: node.width, height: node.height },
        handles: ports,
        hidden: !placed,
        selected: node.id === selectedId,
        connectable: false,
        deletable: false,
        ariaLabel: ariaLabelOf(node, t),
        ...(node.parentId ? { parentId: node.parentId, extent: 'parent' as const } : {}),
        ...(node.kind === 'network' ? { zIndex: -1 } : {}),
      };
      const previous = this.nodes.get(node.id);
      const kept =
        previous &&
        previous.position.x === candidate.position.x &&
        previous.position.y === candidate.position.y &&
        previous.width === candidate.width &&
        previous.height === candidate.height &&
        previous.hidden === candidate.hidden &&
        previous.selected === candidate.selected &&
        previous.parentId === candidate.parentId &&
        previous.ariaLabel === candidate.ariaLabel &&
        samePorts(previous.data.ports, ports) &&
        sameCells(previous.data.cells, nodeCells) &&
        sameData({ ...previous.data, ports: null, cells: null }, { ...candidate.data, ports: null, cells: null })
          ? previous
          : candidate;
      next.set(node.id, kept);
      result.push(kept);
    }
    this.nodes = next;
    return result;
  }

  composeEdges(graph: TopologyGraph, overview: boolean): FlowEdge[] {
    const next = new Map<string, FlowEdge>();
    const result: FlowEdge[] = [];
    for (const drawn of drawnEdges(graph, overview)) {
      const previous = this.edges.get(drawn.id);
      const kept =
        previous &&
        previous.source === drawn.source &&
        previous.target === drawn.target &&
        previous.sourceHandle === drawn.sourceHandle &&
        previous.targetHandle === drawn.targetHandle &&
        sameData(previous.data ?? {}, drawn.data)
          ? previous
          : { ...drawn, type: 'link', selectable: false, focusable: false, deletable: false };
      next.set(drawn.id, kept);
      result.push(kept);
    }
    this.edges = next;
    return result;
  }
}

interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  data: TopologyEdgeData;
  /** The port kinds at each end, and, in overview, the instance whose box the link ends at. */
  ends: { source: PortKind; target: PortKind; cellId?: string };
}

/**
 * The links as React Flow draws them. In overview, a link to an instance ends on its network, at
 * the instance's box; the Internet paths into a network are folded into one, with their count, as
 * for a collapsed network (a fan of a hundred lines says less than "Floating IPs: 100"); volumes
 * are left out.
 */
function drawnEdges(graph: TopologyGraph, overview: boolean): DrawnEdge[] {
  const parents = overview ? new Map(graph.nodes.flatMap((node) => (node.parentId ? [[node.id, node.parentId] as const] : []))) : null;
  const folded = new Map<string, DrawnEdge>();
  const result: DrawnEdge[] = [];
  for (const edge of graph.edges) {
    const { sourceHandle, targetHandle } = HANDLES[edge.data.kind];
    const plain: DrawnEdge = { id: edge.id, source: edge.source, target: edge.target, sourceHandle, targetHandle, data: edge.data, ends: { source: sourceHandle, target: targetHandle } };
    const parent = parents?.get(edge.target);
    if (!parents || !parent) {
      result.push(plain);
      continue;
    }
    if (edge.data.kind === 'volume') continue;
    if (edge.data.kind === 'floatingIp') {
      const id = publicEdgeId(parent);
      const into = folded.get(id);
      const reachable = edge.data.reachable === undefined ? undefined : Boolean(edge.data.reachable || into?.data.reachable);
      const data: TopologyEdgeData = { kind: 'floatingIp', count: (into?.data.count ?? 0) + 1, ...(reachable === undefined ? {} : { reachable }) };
      if (into) into.data = data;
      else {
        const aggregate: DrawnEdge = { ...plain, id, target: parent, data };
        folded.set(id, aggregate);
        result.push(aggregate);
      }
      continue;
    }
    result.push({ ...plain, target: parent, targetHandle: `${targetHandle}:${edge.target}`, ends: { source: sourceHandle, target: targetHandle, cellId: edge.target } });
  }
  return result;
}

/** For each drawn node, the ports its links use. */
function edgeEnds(edges: readonly DrawnEdge[]): Map<string, { id: string; kind: PortKind; cellId?: string }[]> {
  const ends = new Map<string, { id: string; kind: PortKind; cellId?: string }[]>();
  const add = (nodeId: string, id: string, kind: PortKind, cellId?: string) => {
    const list = ends.get(nodeId) ?? [];
    if (!list.some((end) => end.id === id)) list.push({ id, kind, ...(cellId ? { cellId } : {}) });
    ends.set(nodeId, list);
  };
  for (const edge of edges) {
    add(edge.source, edge.sourceHandle, edge.ends.source);
    add(edge.target, edge.targetHandle, edge.ends.target, edge.ends.cellId);
  }
  return ends;
}

function portsOf(node: TopologyNode, ends: { id: string; kind: PortKind; cellId?: string }[], cells: Map<string, OverviewCell[]> | null): Port[] {
  const box = { x: 0, y: 0, width: node.width, height: node.height };
  const cellBoxes = cells?.get(node.id);
  return ends
    .map(({ id, kind, cellId }) => {
      const cell = cellId ? cellBoxes?.find((c) => c.id === cellId) : undefined;
      // A box in overview has the size of the instance node it stands for.
      return port(id, kind, cell ? { x: cell.x, y: cell.y, ...SIZES.instance } : box);
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function overviewCells(graph: TopologyGraph): Map<string, OverviewCell[]> {
  const cells = new Map<string, OverviewCell[]>();
  for (const node of graph.nodes) {
    if (node.data.kind !== 'instance' || !node.parentId || !node.position) continue;
    const list = cells.get(node.parentId) ?? [];
    const { instance, tone } = node.data;
    list.push({ id: node.id, name: instance.name, ip: instance.privateIp ?? '', x: node.position.x, y: node.position.y, tone });
    cells.set(node.parentId, list);
  }
  return cells;
}

import type { LayoutGraph } from './layered-layout.ts';
import type { TopologyGraph } from '../model/types.ts';

export type Point = { x: number; y: number };
export type Positions = Record<string, Point>;

/**
 * Layered layout, top to bottom: the Public Network, then routers, then networks (each a box of
 * its instances), then load balancers. Only the backbone is laid out (layered-layout.ts); the
 * Internet paths of floating IPs and the load-balancer members are drawn over it without bending it.
 * Nodes go in the previous left-to-right order, so an update does not shuffle networks that were
 * already there.
 */

/** The layout's input: backbone nodes with their sizes, in the previous left-to-right order. */
export function toElkGraph(graph: TopologyGraph, previous: Positions = {}): LayoutGraph {
  const backbone = graph.nodes.filter((node) => !node.parentId);
  const ids = new Set(backbone.map((node) => node.id));
  const order = new Map(backbone.map((node, index) => [node.id, index]));
  const sorted = [...backbone].sort((a, b) => {
    const pa = previous[a.id];
    const pb = previous[b.id];
    if (pa && pb) return pa.y - pb.y || pa.x - pb.x;
    if (pa) return -1;
    if (pb) return 1;
    return order.get(a.id)! - order.get(b.id)!;
  });
  return {
    id: 'root',
    children: sorted.map((node) => ({ id: node.id, width: node.width, height: node.height })),
    edges: graph.edges
      .filter((edge) => edge.layout && ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
}

/** What decides the layout: which backbone nodes there are, their sizes and their links. Same key, same layout. */
export function layoutKey(graph: TopologyGraph): string {
  const nodes = graph.nodes.filter((node) => !node.parentId).map((node) => `${node.id}:${node.width}x${node.height}`);
  const edges = graph.edges.filter((edge) => edge.layout).map((edge) => edge.id);
  return `${nodes.join(',')}|${edges.join(',')}`;
}

/** The top-left corner of every laid-out node. */
export function positionsOf(result: LayoutGraph): Positions {
  const positions: Positions = {};
  for (const child of result.children) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}

/**
 * Lays the backbone out. `elk` is the layered layout (in the worker, or in tests). Nodes whose box
 * is unchanged keep their place relative to each other through the model order; the result is
 * shifted so the Public Network stays where it was, and the view does not jump.
 */
export async function layoutTopology(
  elk: { layout: (graph: LayoutGraph) => Promise<LayoutGraph> },
  graph: LayoutGraph,
  previous: Positions = {},
  anchorId?: string,
): Promise<Positions> {
  const positions = positionsOf(await elk.layout(graph));
  const anchor = anchorId ? previous[anchorId] : undefined;
  const placed = anchorId ? positions[anchorId] : undefined;
  if (!anchor || !placed) return positions;
  const dx = anchor.x - placed.x;
  const dy = anchor.y - placed.y;
  for (const point of Object.values(positions)) {
    point.x += dx;
    point.y += dy;
  }
  return positions;
}

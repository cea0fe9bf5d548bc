import { graphlib, layout } from '@dagrejs/dagre';

/**
 * The layout's input and output, in the shape ELK used (and the code around it still speaks): the
 * backbone's nodes with their sizes, in model order, and its links. `x`/`y` are top-left corners.
 */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
}
export interface LayoutGraph {
  id: string;
  children: LayoutNode[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

/** Top to bottom, the spacing the topology had with ELK (nodes 64 px apart, layers 88 px). */
const SPACING = { rankdir: 'TB', nodesep: 64, ranksep: 88, edgesep: 24, marginx: 12, marginy: 12 } as const;

/**
 * Layered (Sugiyama) layout by dagre: ranks top to bottom, crossings reduced, Brandes–Köpf
 * placement (balanced). It is a 30 KiB library where ELK's GWT build was 1.4 MB; on the backbone
 * (a dozen nodes) both give the same picture. Model order: nodes are added in the given order and
 * each node's links in the order of their ends, so dagre's first ordering is the previous
 * left-to-right one and siblings do not swap on an update.
 */
export function layeredLayout(graph: LayoutGraph): LayoutGraph {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ ...SPACING });
  g.setDefaultEdgeLabel(() => ({}));
  const order = new Map(graph.children.map((node, index) => [node.id, index]));
  for (const node of graph.children) g.setNode(node.id, { width: node.width, height: node.height });
  const edges = graph.edges
    .flatMap((edge) => edge.sources.flatMap((source) => edge.targets.map((target) => ({ id: edge.id, source, target }))))
    .filter((edge) => order.has(edge.source) && order.has(edge.target))
    .sort((a, b) => order.get(a.target)! - order.get(b.target)! || order.get(a.source)! - order.get(b.source)!);
  for (const edge of edges) g.setEdge(edge.source, edge.target, {}, edge.id);
  layout(g, { disableOptimalOrderHeuristic: true });
  return {
    ...graph,
    children: graph.children.map((node) => {
      const { x = 0, y = 0 } = g.node(node.id) as { x?: number; y?: number };
      return { ...node, x: x - node.width / 2, y: y - node.height / 2 };
    }),
  };
}

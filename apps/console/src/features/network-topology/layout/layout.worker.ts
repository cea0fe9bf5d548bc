import { layoutTopology, type Positions } from './elk-graph.ts';
import { layeredLayout, type LayoutGraph } from './layered-layout.ts';

export interface LayoutRequest {
  id: number;
  graph: LayoutGraph;
  previous: Positions;
  anchorId?: string;
}

export type LayoutResponse = { id: number; positions: Positions; ms: number } | { id: number; error: string } | { ready: true };

const layered = { layout: async (graph: LayoutGraph) => layeredLayout(graph) };
/** The worker's global scope, typed with the two members used (the console compiles against the DOM lib). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage: (message: LayoutResponse) => void;
};

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph, previous, anchorId } = event.data;
  const started = performance.now();
  layoutTopology(layered, graph, previous, anchorId).then(
    (positions) => scope.postMessage({ id, positions, ms: performance.now() - started } satisfies LayoutResponse),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies LayoutResponse),
  );
};

// The layout code is loaded and compiled once this runs: say so (the screen marks `topology:elk-ready`).
scope.postMessage({ ready: true });

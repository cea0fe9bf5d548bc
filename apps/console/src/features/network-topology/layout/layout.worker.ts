import type { ElkNode } from 'elkjs/lib/elk-api.js';
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutTopology, type Positions } from './elk-graph.ts';

export interface LayoutRequest {
  id: number;
  graph: ElkNode;
  previous: Positions;
  anchorId?: string;
}

export type LayoutResponse = { id: number; positions: Positions; ms: number } | { id: number; error: string } | { ready: true };

const elk = new ELK();
/** The worker's global scope, typed with the two members used (the console compiles against the DOM lib). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage: (message: LayoutResponse) => void;
};

// elk.bundled.js installs its own message handler when it finds itself in a worker: replace it.
scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph, previous, anchorId } = event.data;
  const started = performance.now();
  layoutTopology(elk, graph, previous, anchorId).then(
    (positions) => scope.postMessage({ id, positions, ms: performance.now() - started } satisfies LayoutResponse),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies LayoutResponse),
  );
};

// Lay out a one-node graph at once: ELK initialises the layered algorithm on its first run, and
// this way it does so while the topology is still being fetched. Then say ELK is ready.
void elk
  .layout({ id: 'warm-up', layoutOptions: { 'elk.algorithm': 'layered' }, children: [{ id: 'a', width: 1, height: 1 }], edges: [] })
  .finally(() => scope.postMessage({ ready: true }));

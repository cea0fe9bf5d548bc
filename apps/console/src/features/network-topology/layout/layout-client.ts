import type { Positions } from './elk-graph.ts';
import type { LayoutGraph } from './layered-layout.ts';
import type { LayoutRequest, LayoutResponse } from './layout.worker.ts';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (result: { positions: Positions; ms: number }) => void; reject: (error: Error) => void }>();

/** The layout worker, started once; starting it early lets it load while the topology is fetched. */
export function warmUpLayoutWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'topology-layout' });
  worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const answer = event.data;
    if ('ready' in answer) {
      performance.mark('topology:elk-ready');
      return;
    }
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if ('error' in answer) waiting.reject(new Error(answer.error));
    else waiting.resolve({ positions: answer.positions, ms: answer.ms });
  };
  worker.onerror = (event) => {
    const error = new Error(event.message || 'The layout worker failed to start');
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** Lays the backbone out off the main thread. */
export function layoutInWorker(graph: LayoutGraph, previous: Positions, anchorId?: string): Promise<{ positions: Positions; ms: number }> {
  const id = nextId++;
  const request: LayoutRequest = { id, graph, previous, ...(anchorId ? { anchorId } : {}) };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    warmUpLayoutWorker().postMessage(request);
  });
}

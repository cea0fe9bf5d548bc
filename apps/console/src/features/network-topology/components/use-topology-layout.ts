import { useEffect, useEffectEvent, useState } from 'react';
import { layoutKey, toElkGraph, type Positions } from '../layout/elk-graph.ts';
import { layoutInWorker, warmUpLayoutWorker } from '../layout/layout-client.ts';
import type { TopologyGraph } from '../model/types.ts';

interface LayoutState {
  key: string;
  positions: Positions;
  /** Read from the browser's storage, not computed in this visit. */
  remembered?: boolean;
}

/** Versioned: a change of layout options must not bring back positions computed with the old ones. */
const storageKey = (projectId: string) => `sandcloud.topology-layout.v1.${projectId}`;

/** The last layout of a project, kept in the browser: the same graph opens at once, where it was. */
function remembered(projectId: string): LayoutState | null {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(projectId)) ?? 'null') as LayoutState | null;
    return saved && typeof saved.key === 'string' && saved.positions ? { key: saved.key, positions: saved.positions, remembered: true } : null;
  } catch {
    return null;
  }
}

function remember(projectId: string, layout: LayoutState): void {
  try {
    localStorage.setItem(storageKey(projectId), JSON.stringify(layout));
  } catch {
    // A full or disabled storage only costs the next visit a layout run.
  }
}

/**
 * Positions of the backbone nodes, computed by ELK in the layout worker whenever the backbone
 * changes (a network added, a network grown by a row) — never for a status change. The previous
 * positions go along as hints: the order is kept and the Public Network stays put, so the view
 * does not jump under the user's pan and zoom. The last layout is remembered per project, so a
 * graph seen before opens without waiting for ELK.
 */
export function useTopologyLayout(projectId: string, graph: TopologyGraph | null, anchorId: string | undefined) {
  const [layout, setLayout] = useState<LayoutState | null>(() => remembered(projectId));
  const [error, setError] = useState<string | null>(null);
  const key = graph ? layoutKey(graph) : null;

  // ELK is large (1.4 MB): with nothing remembered, start its worker now, so it loads while the
  // topology is fetched; otherwise once the first drawing is done, ready for the next change.
  const [startedFromMemory] = useState(layout !== null);
  useEffect(() => {
    if (!startedFromMemory) {
      warmUpLayoutWorker();
      return;
    }
    const handle = setTimeout(warmUpLayoutWorker, 2_000);
    return () => clearTimeout(handle);
  }, [startedFromMemory]);

  const run = useEffectEvent((wanted: string, signal: { cancelled: boolean }) => {
    if (!graph) return;
    const previous = layout?.positions ?? {};
    layoutInWorker(toElkGraph(graph, previous), previous, anchorId).then(
      ({ positions }) => {
        if (signal.cancelled) return;
        const next = { key: wanted, positions };
        setError(null);
        setLayout(next);
        remember(projectId, next);
      },
      (failure: unknown) => {
        if (!signal.cancelled) setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  });

  useEffect(() => {
    if (!key || key === layout?.key) return;
    const signal = { cancelled: false };
    run(key, signal);
    return () => {
      signal.cancelled = true;
    };
  }, [key, layout?.key]);

  const settled = layout !== null && layout.key === key;
  // While a new layout is computed, the nodes already drawn stay where they are; but a remembered
  // layout of another shape of the graph would be drawn only to jump: wait for ELK instead.
  const usable = layout !== null && (settled || !layout.remembered);
  return { positions: usable ? layout.positions : null, settled, error };
}

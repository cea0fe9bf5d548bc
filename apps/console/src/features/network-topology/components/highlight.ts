import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * Which node's links are lit (the hovered node, else the selected one). Kept outside React Flow's
 * node and edge arrays: hovering re-renders only the edges that touch the node, never the graph.
 */
export class HighlightStore {
  private hovered: string | null = null;
  private selected: string | null = null;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  current = (): string | null => this.hovered ?? this.selected;

  hover(id: string | null): void {
    if (this.hovered === id) return;
    this.hovered = id;
    this.emit();
  }

  select(id: string | null): void {
    if (this.selected === id) return;
    this.selected = id;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export const HighlightContext = createContext<HighlightStore | null>(null);

/** Whether an edge between `source` and `target` is lit. */
export function useIsHighlighted(source: string, target: string): boolean {
  const store = useContext(HighlightContext);
  return useSyncExternalStore(
    store?.subscribe ?? noopSubscribe,
    () => {
      const id = store?.current();
      return id != null && (id === source || id === target);
    },
  );
}

/** Whether anything is lit at all (the other links then fade). */
export function useAnyHighlighted(): boolean {
  const store = useContext(HighlightContext);
  return useSyncExternalStore(store?.subscribe ?? noopSubscribe, () => store?.current() != null);
}

const noopSubscribe = () => () => undefined;

import { useCallback, useMemo, useState } from 'react';

export interface RowSelection<T> {
  /** The selected rows, across pages, in the order they were picked. */
  rows: T[];
  isSelected: (id: string) => boolean;
  toggle: (id: string, row: T, selected: boolean) => void;
  setPage: (rows: readonly { id: string; row: T }[], selected: boolean) => void;
  clear: () => void;
}

/** Checked rows of a list, kept across pages and sorts (a bulk action acts on what was checked). */
export function useRowSelection<T>(): RowSelection<T> {
  const [selected, setSelected] = useState<ReadonlyMap<string, T>>(new Map());
  const setPage = useCallback((rows: readonly { id: string; row: T }[], on: boolean) => {
    setSelected((current) => {
      const next = new Map(current);
      for (const { id, row } of rows) {
        if (on) next.set(id, row);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const toggle = useCallback((id: string, row: T, on: boolean) => setPage([{ id, row }], on), [setPage]);
  const clear = useCallback(() => setSelected(new Map()), []);
  return useMemo(
    () => ({ rows: [...selected.values()], isSelected: (id: string) => selected.has(id), toggle, setPage, clear }),
    [selected, toggle, setPage, clear],
  );
}

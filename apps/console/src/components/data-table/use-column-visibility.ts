import type { SessionDto } from '@sandcloud/api-schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { queryKeys } from '../../lib/query-keys.ts';

export type ColumnVisibility = Record<string, boolean>;

export const columnStorageKey = (userId: string, tableId: string) => `sandcloud.columns.${userId}.${tableId}`;

function load(key: string): ColumnVisibility {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return stored && typeof stored === 'object' ? (stored as ColumnVisibility) : {};
  } catch {
    return {};
  }
}

/**
 * Which columns a table shows, remembered per user and table in localStorage: two people sharing a
 * browser keep their own choice. Hidden columns only; a new column shows until someone hides it.
 */
export function useColumnVisibility(tableId: string): [ColumnVisibility, (next: ColumnVisibility) => void] {
  const queryClient = useQueryClient();
  const userId = queryClient.getQueryData<SessionDto | null>(queryKeys.session)?.user.id ?? 'anonymous';
  const key = columnStorageKey(userId, tableId);
  const [state, setState] = useState<{ key: string; value: ColumnVisibility }>(() => ({ key, value: load(key) }));
  const value = state.key === key ? state.value : load(key);
  const save = useCallback(
    (next: ColumnVisibility) => {
      setState({ key, value: next });
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the choice lasts for this visit only.
      }
    },
    [key],
  );
  return [value, save];
}

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { readListParams, writeListParams, type ListParams } from './list-params.ts';

export interface ListParamsState {
  params: ListParams;
  /** Changes part of the view; a new sort, search or filter goes back to page 1. Replaces the history entry. */
  update: (change: Partial<ListParams>) => void;
}

/** A list's view kept in the URL's search parameters (see `readListParams`). */
export function useListParams(filterKeys: readonly string[] = [], prefix = ''): ListParamsState {
  const [search, setSearch] = useSearchParams();
  const keys = filterKeys.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the joined filter keys, not the array's identity
  const params = useMemo(() => readListParams(search, filterKeys, prefix), [search, keys, prefix]);
  const update = useCallback(
    (change: Partial<ListParams>) => setSearch((current) => writeListParams(current, change, keys ? keys.split(',') : [], prefix), { replace: true }),
    [setSearch, keys, prefix],
  );
  return { params, update };
}

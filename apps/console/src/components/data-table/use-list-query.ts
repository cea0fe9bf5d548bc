import type { Page } from '@sandcloud/api-schemas';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { listQueryString, type ListParams } from './list-params.ts';

interface ListQueryInput<T> {
  /** The resource's key (`queryKeys.resources(projectId, 'instances')`): live events about the kind refresh every view of it. */
  queryKey: readonly unknown[];
  /** The list endpoint, without query string (`/projects/p/instances`). */
  path: string;
  params: ListParams;
  /** Parameters the screen fixes, not the user (an image tab's `visibility`). */
  fixed?: Record<string, string>;
  /** False to not ask yet (a list only administrators may read). */
  enabled?: boolean;
  /** Polls while the page holds something in flight (BUILD, a task), in case the event stream is down. */
  refetchInterval?: (page: Page<T> | undefined) => number | false;
}

/** One server-side page of a list: the view's query string is part of the key, the previous page shows while the next loads. */
const listPageQuery = <T,>({ queryKey, path, params, fixed, enabled = true, refetchInterval }: ListQueryInput<T>) => {
  const query = [listQueryString(params), fixed ? new URLSearchParams(fixed).toString() : ''].filter(Boolean).join('&');
  return queryOptions({
    queryKey: [...queryKey, 'page', query],
    queryFn: () => api.get<Page<T>>(`${path}?${query}`),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval: refetchInterval ? (current) => refetchInterval(current.state.data) : false,
  });
};

export const useListPage = <T,>(input: ListQueryInput<T>) => useQuery(listPageQuery(input));

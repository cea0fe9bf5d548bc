import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { KeyPairDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

/** The key pairs an instance can take; `q` searches on the server (name, fingerprint), past any count. */
export const keyPairsQuery = (projectId: string, q = '') =>
  queryOptions({
    queryKey: q ? [...queryKeys.resources(projectId, 'key-pairs'), { q }] : queryKeys.resources(projectId, 'key-pairs'),
    queryFn: () => api.get<Page<KeyPairDto>>(`/projects/${projectId}/key-pairs?limit=500${q ? `&q=${encodeURIComponent(q)}` : ''}`),
    placeholderData: keepPreviousData,
  });

export const useKeyPairs = (projectId: string, q = '') => useQuery(keyPairsQuery(projectId, q));

/** The Key Pairs screen's page for a view (sort, search, filters in the URL). */
export const useKeyPairPage = (projectId: string, params: ListParams) =>
  useListPage<KeyPairDto>({ queryKey: queryKeys.resources(projectId, 'key-pairs'), path: `/projects/${projectId}/key-pairs`, params });

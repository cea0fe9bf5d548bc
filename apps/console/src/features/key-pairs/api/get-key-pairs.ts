import { queryOptions, useQuery } from '@tanstack/react-query';
import type { KeyPairDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export const keyPairsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'key-pairs'),
    queryFn: () => api.get<Page<KeyPairDto>>(`/projects/${projectId}/key-pairs?limit=500`),
  });

export const useKeyPairs = (projectId: string) => useQuery(keyPairsQuery(projectId));

/** The Key Pairs screen's page for a view (sort, search, filters in the URL). */
export const useKeyPairPage = (projectId: string, params: ListParams) =>
  useListPage<KeyPairDto>({ queryKey: queryKeys.resources(projectId, 'key-pairs'), path: `/projects/${projectId}/key-pairs`, params });

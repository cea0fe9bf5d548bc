import { queryOptions, useQuery } from '@tanstack/react-query';
import type { KeyPairDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const keyPairsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'key-pairs'),
    queryFn: () => api.get<Page<KeyPairDto>>(`/projects/${projectId}/key-pairs?limit=500`),
  });

export const useKeyPairs = (projectId: string) => useQuery(keyPairsQuery(projectId));

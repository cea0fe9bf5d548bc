import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NetworkDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const networksQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'networks'),
    queryFn: () => api.get<Page<NetworkDto>>(`/projects/${projectId}/networks?limit=500`),
  });

export const useNetworks = (projectId: string) => useQuery(networksQuery(projectId));

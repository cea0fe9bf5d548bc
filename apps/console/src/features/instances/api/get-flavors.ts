import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FlavorDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const flavorsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'flavors'),
    queryFn: () => api.get<Page<FlavorDto>>(`/projects/${projectId}/flavors?limit=500`),
    staleTime: 5 * 60_000,
  });

export const useFlavors = (projectId: string) => useQuery(flavorsQuery(projectId));

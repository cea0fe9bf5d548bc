import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TopologyDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * The whole project graph in one request. Under `resources(projectId, 'topology')`, which every live
 * event of the project refreshes (lib/query-keys.ts), so it does not poll; with the overlay on, the
 * same answer carries the verdicts.
 */
export const topologyQuery = (projectId: string, reachability: boolean) =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'topology'), reachability ? 'internet' : 'plain'] as const,
    queryFn: () => api.get<TopologyDto>(`/projects/${projectId}/topology${reachability ? '?reachability=internet' : ''}`),
    // Switching the overlay keeps the graph on screen while the other answer loads.
    placeholderData: keepPreviousData,
  });

export const useTopology = (projectId: string, reachability: boolean) => useQuery(topologyQuery(projectId, reachability));

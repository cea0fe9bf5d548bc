import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TopologyDto } from '@sandcloud/api-schemas';
import { statusPhase } from '@sandcloud/domain';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

// Nova's, Cinder's and Octavia's statuses between steady states, as the domain names their phases.
const busy = (status: string) => statusPhase(status) === 'transitional';

/** True while something is between steady states: the view then also polls, in case the live stream is down. */
export const hasWorkInFlight = (topology: TopologyDto | undefined): boolean =>
  Boolean(
    topology &&
      (topology.instances.some((instance) => instance.taskState || busy(instance.status)) ||
        topology.volumes?.some((volume) => busy(volume.status)) ||
        topology.loadBalancers?.some((lb) => busy(lb.status))),
  );

/**
 * The whole project graph in one request. Under `resources(projectId, 'topology')`, so every live
 * event of the project refreshes it; with the overlay on, the same answer carries the verdicts.
 */
export const topologyQuery = (projectId: string, reachability: boolean) =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'topology'), reachability ? 'internet' : 'plain'] as const,
    queryFn: () => api.get<TopologyDto>(`/projects/${projectId}/topology${reachability ? '?reachability=internet' : ''}`),
    refetchInterval: (query) => (hasWorkInFlight(query.state.data) ? 3_000 : false),
    // Switching the overlay keeps the graph on screen while the other answer loads.
    placeholderData: keepPreviousData,
  });

export const useTopology = (projectId: string, reachability: boolean) => useQuery(topologyQuery(projectId, reachability));

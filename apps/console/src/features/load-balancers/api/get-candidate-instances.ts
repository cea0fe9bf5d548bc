import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InstanceDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The project's instances, from which the wizard and the Instances tab pick those on the load balancer's subnet. */
export const candidateInstancesQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'load-balancer-candidates'),
    queryFn: async () => (await api.get<Page<InstanceDto>>(`/projects/${projectId}/instances?limit=500`)).items,
  });

export const useCandidateInstances = (projectId: string) => useQuery(candidateInstancesQuery(projectId));

/** How many matches a picker shows at once; the search narrows them, so none is ever out of reach. */
export const CANDIDATE_PAGE = 50;

/**
 * Instances on a network whose name, id or address contains `q`, asked of the server (sorted by name):
 * a project with thousands of instances still finds #1,999 by typing its name.
 */
export const useCandidateSearch = (projectId: string, networkId: string, q: string) =>
  useQuery({
    queryKey: [...queryKeys.resources(projectId, 'instances'), 'candidates', networkId, q.trim()],
    queryFn: () => {
      const query = new URLSearchParams({ networkId, sort: 'name', limit: String(CANDIDATE_PAGE) });
      if (q.trim()) query.set('q', q.trim());
      return api.get<Page<InstanceDto>>(`/projects/${projectId}/instances?${query.toString()}`);
    },
    enabled: networkId !== '',
    placeholderData: keepPreviousData,
  });

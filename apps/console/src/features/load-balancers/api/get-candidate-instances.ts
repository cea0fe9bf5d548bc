import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE, type InstanceDto, type Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * The instances the wizard's members name, looked up by id (`?id=a,b`): the summary reads exactly
 * what it shows, however many instances the project has.
 */
export const instancesByIdQuery = (projectId: string, ids: readonly string[]) => {
  const key = [...new Set(ids)].sort().join(',');
  return queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'instances'), 'ids', key],
    queryFn: async () => {
      const query = new URLSearchParams({ id: key, limit: String(Math.min(Math.max(ids.length, 1), MAX_PAGE_SIZE)) });
      return (await api.get<Page<InstanceDto>>(`/projects/${projectId}/instances?${query.toString()}`)).items;
    },
    enabled: key !== '',
  });
};

export const useInstancesById = (projectId: string, ids: readonly string[]) => useQuery(instancesByIdQuery(projectId, ids));

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

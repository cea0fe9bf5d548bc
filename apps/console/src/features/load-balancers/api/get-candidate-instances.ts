import { queryOptions, useQuery } from '@tanstack/react-query';
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

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LoadBalancerDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const loadBalancersQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'load-balancers'),
    queryFn: () => api.get<Page<LoadBalancerDto>>(`/projects/${projectId}/load-balancers?limit=500`),
  });

export const useLoadBalancers = (projectId: string) => useQuery(loadBalancersQuery(projectId));

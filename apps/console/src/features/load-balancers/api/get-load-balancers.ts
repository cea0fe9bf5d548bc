import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LoadBalancerDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export const loadBalancersQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'load-balancers'),
    queryFn: () => api.get<Page<LoadBalancerDto>>(`/projects/${projectId}/load-balancers?limit=500`),
  });

export const useLoadBalancers = (projectId: string) => useQuery(loadBalancersQuery(projectId));

/** The Load Balancer screen's page for a view (sort and search in the URL). */
export const useLoadBalancerPage = (projectId: string, params: ListParams) =>
  useListPage<LoadBalancerDto>({ queryKey: queryKeys.resources(projectId, 'load-balancers'), path: `/projects/${projectId}/load-balancers`, params });

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** One load balancer with its listeners, pools, members and health monitors. */
export const loadBalancerQuery = (projectId: string, loadBalancerId: string) =>
  queryOptions({
    queryKey: queryKeys.resource(projectId, 'load-balancers', loadBalancerId),
    queryFn: () => api.get<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}`),
  });

export const useLoadBalancer = (projectId: string, loadBalancerId: string) => useQuery(loadBalancerQuery(projectId, loadBalancerId));

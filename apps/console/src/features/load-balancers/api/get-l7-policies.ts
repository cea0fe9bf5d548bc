import { queryOptions, useQuery } from '@tanstack/react-query';
import type { L7PolicyDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** A load balancer's L7 policies (under its key: every change of them is a change of the load balancer, so its live events refresh them). */
export const l7PoliciesQuery = (projectId: string, loadBalancerId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resource(projectId, 'load-balancers', loadBalancerId), 'l7-policies'],
    queryFn: () => api.get<{ items: L7PolicyDto[] }>(`/projects/${projectId}/load-balancers/${loadBalancerId}/l7-policies`),
  });

export const useL7Policies = (projectId: string, loadBalancerId: string) => useQuery(l7PoliciesQuery(projectId, loadBalancerId));

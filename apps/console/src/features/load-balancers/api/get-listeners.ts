import type { LoadBalancerListenerDto } from '@sandcloud/api-schemas';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The Listeners tab: one server page of the load balancer's listeners for the view in the URL. */
export const useListenerPage = (projectId: string, loadBalancerId: string, params: ListParams) =>
  useListPage<LoadBalancerListenerDto>({
    queryKey: [...queryKeys.resource(projectId, 'load-balancers', loadBalancerId), 'listeners'],
    path: `/projects/${projectId}/load-balancers/${loadBalancerId}/listeners`,
    params,
  });

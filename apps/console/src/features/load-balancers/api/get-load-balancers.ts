import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

/** The Load Balancer screen's page for a view (sort and search in the URL). */
export const useLoadBalancerPage = (projectId: string, params: ListParams) =>
  useListPage<LoadBalancerDto>({ queryKey: queryKeys.resources(projectId, 'load-balancers'), path: `/projects/${projectId}/load-balancers`, params });

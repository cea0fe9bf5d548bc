import type { LoadBalancerMemberDto } from '@sandcloud/api-schemas';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The Instance tab: one server page of a listener pool's members (a pool can hold hundreds). */
export const useMemberPage = (projectId: string, loadBalancerId: string, listenerId: string, params: ListParams) =>
  useListPage<LoadBalancerMemberDto>({
    queryKey: [...queryKeys.resource(projectId, 'load-balancers', loadBalancerId), 'listeners', listenerId, 'members'],
    path: `/projects/${projectId}/load-balancers/${loadBalancerId}/listeners/${listenerId}/members`,
    params,
    enabled: listenerId !== '',
  });

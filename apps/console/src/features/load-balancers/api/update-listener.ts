import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoadBalancerDto, UpdateListenerRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Connection limit, keep-alive, allowed CIDRs, algorithm and session persistence of one listener. */
export function useUpdateListener(projectId: string, loadBalancerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ listenerId, ...input }: UpdateListenerRequest & { listenerId: string }) =>
      api.patch<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/listeners/${listenerId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { LoadBalancerDto, UpdateListenerRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Connection limit, keep-alive, allowed CIDRs, algorithm and session persistence of one listener. */
export function useUpdateListener(projectId: string, loadBalancerId: string) {
  return useMutation({
    mutationFn: ({ listenerId, ...input }: UpdateListenerRequest & { listenerId: string }) =>
      api.patch<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/listeners/${listenerId}`, input),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Starts deleting (PENDING_DELETE); the VIP and its floating IP association go when it completes. */
export function useDeleteLoadBalancer(projectId: string) {
  return useMutation({
    mutationFn: (loadBalancerId: string) => api.delete<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}`),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoadBalancerDto, UpdateLoadBalancerRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Renames a load balancer or changes its description (its VIP port is renamed with it). */
export function useUpdateLoadBalancer(projectId: string, loadBalancerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateLoadBalancerRequest) => api.patch<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

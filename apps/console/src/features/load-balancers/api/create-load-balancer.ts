import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateLoadBalancerRequest, LoadBalancerDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `[추가]` at the end of the wizard; the VIP port appears among the project's ports too. */
export function useCreateLoadBalancer(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLoadBalancerRequest) => api.post<LoadBalancerDto>(`/projects/${projectId}/load-balancers`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { CreateLoadBalancerRequest, LoadBalancerDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[추가]` at the end of the wizard; the VIP port appears among the project's ports too. */
export function useCreateLoadBalancer(projectId: string) {
  return useMutation({
    mutationFn: (input: CreateLoadBalancerRequest) => api.post<LoadBalancerDto>(`/projects/${projectId}/load-balancers`, input),
  });
}

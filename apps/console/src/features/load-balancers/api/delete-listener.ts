import { useMutation } from '@tanstack/react-query';
import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

export function useDeleteListener(projectId: string, loadBalancerId: string) {
  return useMutation({
    mutationFn: (listenerId: string) => api.delete<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/listeners/${listenerId}`),
  });
}

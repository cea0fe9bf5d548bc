import { useMutation } from '@tanstack/react-query';
import type { AddListenerRequest, LoadBalancerDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

export function useAddListener(projectId: string, loadBalancerId: string) {
  return useMutation({
    mutationFn: (input: AddListenerRequest) => api.post<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/listeners`, input),
  });
}

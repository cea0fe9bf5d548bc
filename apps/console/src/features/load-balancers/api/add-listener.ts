import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddListenerRequest, LoadBalancerDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function useAddListener(projectId: string, loadBalancerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddListenerRequest) => api.post<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/listeners`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

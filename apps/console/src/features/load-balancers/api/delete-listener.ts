import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function useDeleteListener(projectId: string, loadBalancerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (listenerId: string) => api.delete<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/listeners/${listenerId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoadBalancerDto, UpdateHealthMonitorRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function useUpdateHealthMonitor(projectId: string, loadBalancerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ listenerId, ...input }: UpdateHealthMonitorRequest & { listenerId: string }) =>
      api.put<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/listeners/${listenerId}/health-monitor`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

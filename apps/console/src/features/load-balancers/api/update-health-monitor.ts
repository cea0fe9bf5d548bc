import { useMutation } from '@tanstack/react-query';
import type { LoadBalancerDto, UpdateHealthMonitorRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

export function useUpdateHealthMonitor(projectId: string, loadBalancerId: string) {
  return useMutation({
    mutationFn: ({ listenerId, ...input }: UpdateHealthMonitorRequest & { listenerId: string }) =>
      api.put<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/listeners/${listenerId}/health-monitor`, input),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `[연결]`: the floating IP forwards to the load balancer's VIP port. */
export function useAssociateFloatingIp(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ floatingIpId, portId }: { floatingIpId: string; portId: string }) =>
      api.post<FloatingIpDto>(`/projects/${projectId}/floating-ips/${floatingIpId}/associate`, { portId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Connecting changes the floating IP, its target (an instance's address column, a load balancer's VIP) and the ports list: refresh the project. */
export function useAssociateFloatingIp(projectId: string) {
  return useMutation({
    mutationFn: ({ floatingIpId, portId }: { floatingIpId: string; portId: string }) =>
      api.post<FloatingIpDto>(`/projects/${projectId}/floating-ips/${floatingIpId}/associate`, { portId }),
  });
}

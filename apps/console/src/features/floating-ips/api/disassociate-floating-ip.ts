import { useMutation } from '@tanstack/react-query';
import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Disconnects a floating IP from its instance or load balancer; the address stays allocated to the project. */
export function useDisassociateFloatingIp(projectId: string) {
  return useMutation({
    mutationFn: (floatingIpId: string) => api.post<FloatingIpDto>(`/projects/${projectId}/floating-ips/${floatingIpId}/disassociate`),
  });
}

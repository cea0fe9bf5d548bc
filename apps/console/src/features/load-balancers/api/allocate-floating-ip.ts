import { useMutation } from '@tanstack/react-query';
import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[+생성]` in the load balancer's floating IP dialog: a new address from the public pool. */
export function useAllocateFloatingIp(projectId: string) {
  return useMutation({
    mutationFn: () => api.post<FloatingIpDto>(`/projects/${projectId}/floating-ips`, {}),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[+생성]`: takes a free address from the public network for this project. */
export function useAllocateFloatingIp(projectId: string) {
  return useMutation({
    mutationFn: () => api.post<FloatingIpDto>(`/projects/${projectId}/floating-ips`, {}),
  });
}

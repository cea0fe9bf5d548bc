import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** Gives the address back to the public pool (and disconnects it first if needed). */
export function useReleaseFloatingIp(projectId: string) {
  return useMutation({
    mutationFn: (floatingIpId: string) => api.delete(`/projects/${projectId}/floating-ips/${floatingIpId}`),
  });
}

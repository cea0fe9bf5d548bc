import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Gives the address back to the public pool (and disconnects it first if needed). */
export function useReleaseFloatingIp(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (floatingIpId: string) => api.delete(`/projects/${projectId}/floating-ips/${floatingIpId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

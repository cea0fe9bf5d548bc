import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `[+생성]`: takes a free address from the public network for this project. */
export function useAllocateFloatingIp(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<FloatingIpDto>(`/projects/${projectId}/floating-ips`, {}),
    onSuccess: (created) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'floating-ips') }),
        queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'quotas') }),
      ]).then(() => created),
  });
}

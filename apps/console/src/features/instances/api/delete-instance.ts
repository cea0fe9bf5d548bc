import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Deleting releases the private IP and disconnects the floating IP, so refresh the whole project. */
export function useDeleteInstance(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (instanceId: string) => api.delete<unknown>(`/projects/${projectId}/instances/${instanceId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

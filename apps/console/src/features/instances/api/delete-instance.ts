import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** Deleting releases the private IP and disconnects the floating IP, so refresh the whole project. */
export function useDeleteInstance(projectId: string) {
  return useMutation({
    mutationFn: (instanceId: string) => api.delete<unknown>(`/projects/${projectId}/instances/${instanceId}`),
  });
}

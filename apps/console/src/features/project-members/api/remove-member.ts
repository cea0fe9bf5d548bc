import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Removes a member; the project list is refreshed too, in case one removed oneself. */
export function useRemoveMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/projects/${projectId}/members/${userId}`),
    // Not awaited: after removing oneself the console leaves the project at once, before any refetch.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.projects }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Deletes a private image; instances launched from it keep running. */
export function useDeleteImage(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (imageId: string) => api.delete(`/projects/${projectId}/images/${imageId}`),
    // Refresh the lists, not the deleted image's own page (which would answer 404 while it closes).
    onSuccess: (_result, imageId) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'images'), predicate: (query) => query.queryKey[3] !== imageId }),
  });
}

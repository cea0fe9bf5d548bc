import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** Deletes a private image; instances launched from it keep running. */
export function useDeleteImage(projectId: string) {
  return useMutation({
    mutationFn: (imageId: string) => api.delete(`/projects/${projectId}/images/${imageId}`),
    // Refresh the lists, not the deleted image's own page (which would answer 404 while it closes).
  });
}

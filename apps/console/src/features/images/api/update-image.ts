import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImageDto, UpdateImageRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Renames a private image or changes its description. */
export function useUpdateImage(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ imageId, ...input }: UpdateImageRequest & { imageId: string }) => api.patch<ImageDto>(`/projects/${projectId}/images/${imageId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'images') }),
  });
}

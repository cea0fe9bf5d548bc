import { useMutation } from '@tanstack/react-query';
import type { ImageDto, UpdateImageRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Renames a private image or changes its description. */
export function useUpdateImage(projectId: string) {
  return useMutation({
    mutationFn: ({ imageId, ...input }: UpdateImageRequest & { imageId: string }) => api.patch<ImageDto>(`/projects/${projectId}/images/${imageId}`, input),
  });
}

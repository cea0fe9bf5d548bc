import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateImageRequest, ImageDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `[Image 생성]`: answers with the queued image; the instance shows `image_snapshot` until it is active. */
export function useCreateImage(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateImageRequest) => api.post<ImageDto>(`/projects/${projectId}/images`, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'images') }),
        queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'instances') }),
      ]),
  });
}

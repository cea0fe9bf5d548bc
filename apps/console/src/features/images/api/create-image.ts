import { useMutation } from '@tanstack/react-query';
import type { CreateImageRequest, ImageDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[Image 생성]`: answers with the queued image; the instance shows `image_snapshot` until it is active. */
export function useCreateImage(projectId: string) {
  return useMutation({
    mutationFn: (input: CreateImageRequest) => api.post<ImageDto>(`/projects/${projectId}/images`, input),
  });
}

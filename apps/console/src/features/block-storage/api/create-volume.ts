import { useMutation } from '@tanstack/react-query';
import type { CreateVolumeRequest, VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[Block Storage 생성]`: answers with the volume in `creating`; it becomes available in a few seconds. */
export function useCreateVolume(projectId: string) {
  return useMutation({
    mutationFn: (input: CreateVolumeRequest) => api.post<VolumeDto>(`/projects/${projectId}/volumes`, input),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

export function useDeleteVolume(projectId: string) {
  return useMutation({
    mutationFn: (volumeId: string) => api.delete<VolumeDto>(`/projects/${projectId}/volumes/${volumeId}`),
  });
}

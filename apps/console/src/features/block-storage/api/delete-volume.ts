import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { invalidateVolumes } from './invalidate.ts';

export function useDeleteVolume(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (volumeId: string) => api.delete<VolumeDto>(`/projects/${projectId}/volumes/${volumeId}`),
    onSuccess: () => invalidateVolumes(queryClient, projectId),
  });
}

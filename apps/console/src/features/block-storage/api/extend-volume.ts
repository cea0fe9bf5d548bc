import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { invalidateVolumes } from './invalidate.ts';

/** Grows a volume (never shrinks): extending → available (or in-use). */
export function useExtendVolume(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ volumeId, sizeGb }: { volumeId: string; sizeGb: number }) =>
      api.post<VolumeDto>(`/projects/${projectId}/volumes/${volumeId}/extend`, { sizeGb }),
    onSuccess: () => invalidateVolumes(queryClient, projectId),
  });
}

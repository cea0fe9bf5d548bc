import { useMutation } from '@tanstack/react-query';
import type { VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Grows a volume (never shrinks): extending → available (or in-use). */
export function useExtendVolume(projectId: string) {
  return useMutation({
    mutationFn: ({ volumeId, sizeGb }: { volumeId: string; sizeGb: number }) =>
      api.post<VolumeDto>(`/projects/${projectId}/volumes/${volumeId}/extend`, { sizeGb }),
  });
}

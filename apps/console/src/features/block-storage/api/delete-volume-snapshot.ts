import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { invalidateVolumes } from './invalidate.ts';

export function useDeleteVolumeSnapshot(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (snapshotId: string) => api.delete<VolumeSnapshotDto>(`/projects/${projectId}/volume-snapshots/${snapshotId}`),
    onSuccess: () => invalidateVolumes(queryClient, projectId),
  });
}

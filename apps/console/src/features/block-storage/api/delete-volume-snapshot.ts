import { useMutation } from '@tanstack/react-query';
import type { VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

export function useDeleteVolumeSnapshot(projectId: string) {
  return useMutation({
    mutationFn: (snapshotId: string) => api.delete<VolumeSnapshotDto>(`/projects/${projectId}/volume-snapshots/${snapshotId}`),
  });
}

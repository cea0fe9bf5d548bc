import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateVolumeSnapshotRequest, VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { invalidateVolumes } from './invalidate.ts';

export function useCreateVolumeSnapshot(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateVolumeSnapshotRequest) => api.post<VolumeSnapshotDto>(`/projects/${projectId}/volume-snapshots`, input),
    onSuccess: () => invalidateVolumes(queryClient, projectId),
  });
}

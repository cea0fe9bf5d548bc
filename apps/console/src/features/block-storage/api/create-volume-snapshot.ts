import { useMutation } from '@tanstack/react-query';
import type { CreateVolumeSnapshotRequest, VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

export function useCreateVolumeSnapshot(projectId: string) {
  return useMutation({
    mutationFn: (input: CreateVolumeSnapshotRequest) => api.post<VolumeSnapshotDto>(`/projects/${projectId}/volume-snapshots`, input),
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const volumeSnapshotsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'volume-snapshots'),
    queryFn: () => api.get<Page<VolumeSnapshotDto>>(`/projects/${projectId}/volume-snapshots?limit=500`),
    refetchInterval: (query) => (query.state.data?.items.some((s) => s.status === 'creating' || s.status === 'deleting') ? 3_000 : false),
  });

export const useVolumeSnapshots = (projectId: string) => useQuery(volumeSnapshotsQuery(projectId));

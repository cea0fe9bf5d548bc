import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export const volumeSnapshotsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'volume-snapshots'),
    queryFn: () => api.get<Page<VolumeSnapshotDto>>(`/projects/${projectId}/volume-snapshots?limit=500`),
    refetchInterval: (query) => (query.state.data?.items.some((s) => s.status === 'creating' || s.status === 'deleting') ? 3_000 : false),
  });

export const useVolumeSnapshots = (projectId: string) => useQuery(volumeSnapshotsQuery(projectId));

/** The Snapshot tab's page for a view (sort and search in the URL, under `snapshots.`). */
export const useVolumeSnapshotPage = (projectId: string, params: ListParams) =>
  useListPage<VolumeSnapshotDto>({
    queryKey: queryKeys.resources(projectId, 'volume-snapshots'),
    path: `/projects/${projectId}/volume-snapshots`,
    params,
    refetchInterval: (page) => (page?.items.some((s) => s.status === 'creating' || s.status === 'deleting') ? 3_000 : false),
  });

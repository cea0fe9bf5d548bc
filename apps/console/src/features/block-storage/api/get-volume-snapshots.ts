import type { VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

/** The Snapshot tab's page for a view (sort and search in the URL, under `snapshots.`). */
export const useVolumeSnapshotPage = (projectId: string, params: ListParams) =>
  useListPage<VolumeSnapshotDto>({
    queryKey: queryKeys.resources(projectId, 'volume-snapshots'),
    path: `/projects/${projectId}/volume-snapshots`,
    params,
  });

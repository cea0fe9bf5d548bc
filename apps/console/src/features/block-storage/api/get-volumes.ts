import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, VolumeDto } from '@sandcloud/api-schemas';
import { VOLUME_TRANSITIONAL_STATUSES, type VolumeStatus } from '@sandcloud/domain';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

const TRANSITIONAL: ReadonlySet<VolumeStatus> = new Set(VOLUME_TRANSITIONAL_STATUSES);

/** True while a volume is between steady states. */
export const isVolumeBusy = (volume: Pick<VolumeDto, 'status'>): boolean => TRANSITIONAL.has(volume.status);

/** Live events refresh the list; while something is in flight it also polls, in case the stream is down. */
const POLL_MS = 3_000;

export const volumesQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'volumes'),
    queryFn: () => api.get<Page<VolumeDto>>(`/projects/${projectId}/volumes?limit=500`),
    refetchInterval: (query) => (query.state.data?.items.some(isVolumeBusy) ? POLL_MS : false),
  });

export const useVolumes = (projectId: string) => useQuery(volumesQuery(projectId));

/** The Block Storage screen's page for a view (sort, search, status filter in the URL). */
export const useVolumePage = (projectId: string, params: ListParams) =>
  useListPage<VolumeDto>({
    queryKey: queryKeys.resources(projectId, 'volumes'),
    path: `/projects/${projectId}/volumes`,
    params,
    refetchInterval: (page) => (page?.items.some(isVolumeBusy) ? POLL_MS : false),
  });

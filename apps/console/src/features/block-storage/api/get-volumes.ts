import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

// No polling: each step of a volume's create, attach or extend is a live event that refreshes the list.
export const volumesQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'volumes'),
    queryFn: () => api.get<Page<VolumeDto>>(`/projects/${projectId}/volumes?limit=500`),
  });

export const useVolumes = (projectId: string) => useQuery(volumesQuery(projectId));

/** The Block Storage screen's page for a view (sort, search, status filter in the URL). */
export const useVolumePage = (projectId: string, params: ListParams) =>
  useListPage<VolumeDto>({
    queryKey: queryKeys.resources(projectId, 'volumes'),
    path: `/projects/${projectId}/volumes`,
    params,
  });

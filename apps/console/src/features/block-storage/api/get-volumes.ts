import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

/** How many matches the picker shows at once; the search narrows them, so none is ever out of reach. */
export const VOLUME_PICKER_PAGE = 50;

/**
 * `[Volume 연결]`'s choices: the unattached volumes of one zone whose name, id or description contains
 * `q`, filtered, searched and sorted by the server.
 */
export const volumesQuery = (projectId: string, zone: string, q = '') =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'volumes'), 'attachable', zone, q],
    queryFn: () => {
      const query = new URLSearchParams({ zone, attached: 'false', sort: 'name', limit: String(VOLUME_PICKER_PAGE), ...(q ? { q } : {}) });
      return api.get<Page<VolumeDto>>(`/projects/${projectId}/volumes?${query.toString()}`);
    },
    placeholderData: keepPreviousData,
  });

export const useVolumes = (projectId: string, zone: string, q = '') => useQuery(volumesQuery(projectId, zone, q));

/** The Block Storage screen's page for a view (sort, search, status filter in the URL). */
export const useVolumePage = (projectId: string, params: ListParams) =>
  useListPage<VolumeDto>({
    queryKey: queryKeys.resources(projectId, 'volumes'),
    path: `/projects/${projectId}/volumes`,
    params,
  });

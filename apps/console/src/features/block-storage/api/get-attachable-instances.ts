import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AttachableInstanceDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** How many matches the picker shows at once; the search narrows them, so none is ever out of reach. */
export const ATTACHABLE_PAGE = 50;

/**
 * The project's instances as `[Instance에 연결]` offers them for one volume, each with why it cannot
 * take it now: those whose name or id contains `q`, asked of the server (by name).
 */
export const attachableInstancesQuery = (projectId: string, volumeId: string, q = '') =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'volumes'), volumeId, 'attachable-instances', q] as const,
    queryFn: () => {
      const query = new URLSearchParams({ sort: 'name', limit: String(ATTACHABLE_PAGE), ...(q ? { q } : {}) });
      return api.get<Page<AttachableInstanceDto>>(`/projects/${projectId}/volumes/${volumeId}/attachable-instances?${query.toString()}`);
    },
    placeholderData: keepPreviousData,
  });

export const useAttachableInstances = (projectId: string, volumeId: string, q = '') => useQuery(attachableInstancesQuery(projectId, volumeId, q));

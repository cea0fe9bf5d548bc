import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InstanceDto, Page } from '@sandcloud/api-schemas';
import { INSTANCE_TRANSITIONAL_STATUSES, type InstanceStatus } from '@sandcloud/domain';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

const TRANSITIONAL: ReadonlySet<InstanceStatus> = new Set(INSTANCE_TRANSITIONAL_STATUSES);

/** True while an instance is between steady states: a build, a reboot, or a task in flight (powering-off…). */
export const isInstanceBusy = (instance: InstanceDto): boolean => TRANSITIONAL.has(instance.status) || instance.taskState !== null;

/** How many matches a picker shows at once; the search narrows them, so none is ever out of reach. */
export const INSTANCE_PICKER_PAGE = 50;

/** A picker's instances: those whose name, id or address contains `q`, asked of the server (by name). */
export const instancesQuery = (projectId: string, q = '') =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'instances'), 'search', q],
    queryFn: () => {
      const query = new URLSearchParams({ sort: 'name', limit: String(INSTANCE_PICKER_PAGE), ...(q ? { q } : {}) });
      return api.get<Page<InstanceDto>>(`/projects/${projectId}/instances?${query.toString()}`);
    },
    placeholderData: keepPreviousData,
  });

export const useInstances = (projectId: string, q = '') => useQuery(instancesQuery(projectId, q));

/** The instance list's page for a view (sort, search, filters in the URL): the server sorts, filters and pages. */
export const useInstancePage = (projectId: string, params: ListParams) =>
  useListPage<InstanceDto>({
    queryKey: queryKeys.resources(projectId, 'instances'),
    path: `/projects/${projectId}/instances`,
    params,
  });

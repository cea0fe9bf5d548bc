import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InstanceDto, Page } from '@sandcloud/api-schemas';
import { INSTANCE_TRANSITIONAL_STATUSES, type InstanceStatus } from '@sandcloud/domain';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

const TRANSITIONAL: ReadonlySet<InstanceStatus> = new Set(INSTANCE_TRANSITIONAL_STATUSES);

/** True while an instance is between steady states: a build, a reboot, or a task in flight (powering-off…). */
export const isInstanceBusy = (instance: InstanceDto): boolean => TRANSITIONAL.has(instance.status) || instance.taskState !== null;

// No polling: each step of a build or an action is a live event that refreshes the list (lib/query-keys.ts).
export const instancesQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'instances'),
    queryFn: () => api.get<Page<InstanceDto>>(`/projects/${projectId}/instances?limit=500`),
  });

export const useInstances = (projectId: string) => useQuery(instancesQuery(projectId));

/** The instance list's page for a view (sort, search, filters in the URL): the server sorts, filters and pages. */
export const useInstancePage = (projectId: string, params: ListParams) =>
  useListPage<InstanceDto>({
    queryKey: queryKeys.resources(projectId, 'instances'),
    path: `/projects/${projectId}/instances`,
    params,
  });

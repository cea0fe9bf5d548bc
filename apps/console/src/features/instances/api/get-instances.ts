import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InstanceDto, Page } from '@sandcloud/api-schemas';
import { INSTANCE_TRANSITIONAL_STATUSES, type InstanceStatus } from '@sandcloud/domain';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

const TRANSITIONAL: ReadonlySet<InstanceStatus> = new Set(INSTANCE_TRANSITIONAL_STATUSES);

/** True while an instance is between steady states: a build, a reboot, or a task in flight (powering-off…). */
export const isInstanceBusy = (instance: InstanceDto): boolean => TRANSITIONAL.has(instance.status) || instance.taskState !== null;

/** Live events refresh the list; while something is in flight it also polls, in case the stream is down. */
const POLL_MS = 3_000;

export const instancesQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'instances'),
    queryFn: () => api.get<Page<InstanceDto>>(`/projects/${projectId}/instances?limit=500`),
    refetchInterval: (query) => (query.state.data?.items.some(isInstanceBusy) ? POLL_MS : false),
  });

export const useInstances = (projectId: string) => useQuery(instancesQuery(projectId));

/** The instance list's page for a view (sort, search, filters in the URL): the server sorts, filters and pages. */
export const useInstancePage = (projectId: string, params: ListParams) =>
  useListPage<InstanceDto>({
    queryKey: queryKeys.resources(projectId, 'instances'),
    path: `/projects/${projectId}/instances`,
    params,
    refetchInterval: (page) => (page?.items.some(isInstanceBusy) ? POLL_MS : false),
  });

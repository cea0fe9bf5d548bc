import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ActivityDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The activity log's filters as the API takes them (empty ones are left out). */
export interface ActivityFilters {
  user?: string;
  resourceKind?: string;
  resourceId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export function activitySearch(filters: Partial<ActivityFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

/** One page of the project's activity log, newest first; live events of the project refresh it. */
export const activityQuery = (projectId: string, filters: ActivityFilters) =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'activity'), filters] as const,
    queryFn: () => api.get<Page<ActivityDto>>(`/projects/${projectId}/activity?${activitySearch(filters)}`),
    placeholderData: keepPreviousData,
  });

export const useActivity = (projectId: string, filters: ActivityFilters) => useQuery(activityQuery(projectId, filters));

/** The CSV export of the same filters (a download link, not a query). */
export const activityCsvUrl = (projectId: string, filters: Partial<ActivityFilters>) => {
  const { limit: _limit, offset: _offset, ...rest } = filters;
  return `/api/projects/${projectId}/activity.csv?${activitySearch(rest)}`;
};

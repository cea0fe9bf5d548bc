import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, ResourceHistoryEntryDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const instanceHistoryQuery = (projectId: string, instanceId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resource(projectId, 'instances', instanceId), 'history'] as const,
    queryFn: () => api.get<Page<ResourceHistoryEntryDto>>(`/projects/${projectId}/instances/${instanceId}/history?limit=500`),
  });

export const useInstanceHistory = (projectId: string, instanceId: string) => useQuery(instanceHistoryQuery(projectId, instanceId));

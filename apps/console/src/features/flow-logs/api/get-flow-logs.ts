import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FlowLogEntryDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

/** The instance's flow log, newest first. Connections make no live events, so the tab polls. */
export const flowLogsQuery = (projectId: string, instanceId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resource(projectId, 'instances', instanceId), 'flow-logs'] as const,
    queryFn: () => api.get<Page<FlowLogEntryDto>>(`/projects/${projectId}/instances/${instanceId}/flow-logs?limit=200`),
    refetchInterval: 3_000,
  });

export const useFlowLogs = (projectId: string, instanceId: string) => useQuery(flowLogsQuery(projectId, instanceId));

/** The Flow log tab's page for a view (sort, search, action filter in the URL); it polls like the list above. */
export const useFlowLogPage = (projectId: string, instanceId: string, params: ListParams) =>
  useListPage<FlowLogEntryDto>({
    queryKey: [...queryKeys.resource(projectId, 'instances', instanceId), 'flow-logs'],
    path: `/projects/${projectId}/instances/${instanceId}/flow-logs`,
    params,
    refetchInterval: () => 3_000,
  });

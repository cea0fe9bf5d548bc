import type { FlowLogEntryDto } from '@sandcloud/api-schemas';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

/** The Flow log tab's page for a view (sort, search, action filter in the URL), newest first; connections make no live events, so it polls. */
export const useFlowLogPage = (projectId: string, instanceId: string, params: ListParams) =>
  useListPage<FlowLogEntryDto>({
    queryKey: [...queryKeys.resource(projectId, 'instances', instanceId), 'flow-logs'],
    path: `/projects/${projectId}/instances/${instanceId}/flow-logs`,
    params,
    refetchInterval: () => 3_000,
  });

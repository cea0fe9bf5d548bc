import type { ResourceHistoryEntryDto } from '@sandcloud/api-schemas';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The History tab: one server page of what happened to the instance, newest first unless the view sorts otherwise. */
export const useInstanceHistoryPage = (projectId: string, instanceId: string, params: ListParams) =>
  useListPage<ResourceHistoryEntryDto>({
    queryKey: [...queryKeys.resource(projectId, 'instances', instanceId), 'history'],
    path: `/projects/${projectId}/instances/${instanceId}/history`,
    params: params.sort ? params : { ...params, sort: 'at', order: 'desc' },
  });

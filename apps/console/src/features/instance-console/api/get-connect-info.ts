import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConnectInfoDto, InstanceDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** How to reach the instance from this machine: the data plane's SSH command and URL, or why not. */
export const connectInfoQuery = (projectId: string, instance: Pick<InstanceDto, 'id' | 'floatingIp'>) =>
  queryOptions({
    // Keyed by the floating IP too: attaching or detaching one changes the answer.
    queryKey: [...queryKeys.resource(projectId, 'instances', instance.id), 'connect-info', instance.floatingIp] as const,
    queryFn: () => api.get<ConnectInfoDto>(`/projects/${projectId}/instances/${instance.id}/connect-info`),
  });

export const useConnectInfo = (projectId: string, instance: Pick<InstanceDto, 'id' | 'floatingIp'>) => useQuery(connectInfoQuery(projectId, instance));

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InstanceDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const instanceQuery = (projectId: string, instanceId: string) =>
  queryOptions({
    queryKey: queryKeys.resource(projectId, 'instances', instanceId),
    queryFn: () => api.get<InstanceDto>(`/projects/${projectId}/instances/${instanceId}`),
  });

export const useInstance = (projectId: string, instanceId: string) => useQuery(instanceQuery(projectId, instanceId));

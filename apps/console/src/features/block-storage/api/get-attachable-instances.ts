import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AttachableInstanceDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The project's instances as `[Instance에 연결]` offers them for one volume, each with why it cannot take it now. */
export const attachableInstancesQuery = (projectId: string, volumeId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'volumes'), volumeId, 'attachable-instances'] as const,
    queryFn: () => api.get<Page<AttachableInstanceDto>>(`/projects/${projectId}/volumes/${volumeId}/attachable-instances?limit=500`),
  });

export const useAttachableInstances = (projectId: string, volumeId: string) => useQuery(attachableInstancesQuery(projectId, volumeId));

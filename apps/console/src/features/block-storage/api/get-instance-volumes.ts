import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The volumes attached to one instance, by device (`/dev/vdb`, `/dev/vdc`…). */
export const instanceVolumesQuery = (projectId: string, instanceId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'volumes'), { instanceId }] as const,
    queryFn: () => api.get<Page<VolumeDto>>(`/projects/${projectId}/instances/${instanceId}/volumes?limit=500`),
  });

export const useInstanceVolumes = (projectId: string, instanceId: string) => useQuery(instanceVolumesQuery(projectId, instanceId));

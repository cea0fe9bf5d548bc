import { useQuery } from '@tanstack/react-query';
import type { VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * One volume, always fetched fresh: whether it is mounted inside the guest changes without any
 * cloud event (a `umount` in the shell), and the detach dialog must know it now.
 */
export const useFreshVolume = (projectId: string, volumeId: string) =>
  useQuery({
    queryKey: [...queryKeys.resources(projectId, 'volumes'), volumeId],
    queryFn: () => api.get<VolumeDto>(`/projects/${projectId}/volumes/${volumeId}`),
    staleTime: 0,
    refetchInterval: 2_000,
  });

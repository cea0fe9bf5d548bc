import { useMutation } from '@tanstack/react-query';
import type { VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[Block Storage 연결 해제]`: detaching → available. */
export function useDetachVolume(projectId: string) {
  return useMutation({
    mutationFn: ({ volumeId, instanceId }: { volumeId: string; instanceId?: string }) =>
      api.post<VolumeDto>(`/projects/${projectId}/volumes/${volumeId}/detach`, instanceId ? { instanceId } : {}),
  });
}

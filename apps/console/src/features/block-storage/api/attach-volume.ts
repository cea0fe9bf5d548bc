import { useMutation } from '@tanstack/react-query';
import type { VolumeDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[Instance에 연결]`: the volume goes attaching → in-use with the next free device of the instance. */
export function useAttachVolume(projectId: string) {
  return useMutation({
    mutationFn: ({ volumeId, instanceId }: { volumeId: string; instanceId: string }) =>
      api.post<VolumeDto>(`/projects/${projectId}/volumes/${volumeId}/attach`, { instanceId }),
  });
}

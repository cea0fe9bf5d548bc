import { useMutation } from '@tanstack/react-query';
import type { InstanceDto, RebuildInstanceRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Rebuild from an image: REBUILD, then ACTIVE on a fresh root disk; name, IPs and volumes stay. */
export function useRebuildInstance(projectId: string) {
  return useMutation({
    mutationFn: ({ instanceId, ...body }: RebuildInstanceRequest & { instanceId: string }) =>
      api.post<InstanceDto>(`/projects/${projectId}/instances/${instanceId}/rebuild`, body),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InstanceDto, RebuildInstanceRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Rebuild from an image: REBUILD, then ACTIVE on a fresh root disk; name, IPs and volumes stay. */
export function useRebuildInstance(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ instanceId, ...body }: RebuildInstanceRequest & { instanceId: string }) =>
      api.post<InstanceDto>(`/projects/${projectId}/instances/${instanceId}/rebuild`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'instances') }),
  });
}

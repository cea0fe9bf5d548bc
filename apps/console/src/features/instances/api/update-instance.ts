import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InstanceDto, UpdateInstanceRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Renames an instance, changes its description or replaces its metadata (absent fields stay). */
export function useUpdateInstance(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ instanceId, ...input }: UpdateInstanceRequest & { instanceId: string }) =>
      api.patch<InstanceDto>(`/projects/${projectId}/instances/${instanceId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'instances') }),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { InstanceDto, UpdateInstanceRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Renames an instance, changes its description or replaces its metadata (absent fields stay). */
export function useUpdateInstance(projectId: string) {
  return useMutation({
    mutationFn: ({ instanceId, ...input }: UpdateInstanceRequest & { instanceId: string }) =>
      api.patch<InstanceDto>(`/projects/${projectId}/instances/${instanceId}`, input),
  });
}

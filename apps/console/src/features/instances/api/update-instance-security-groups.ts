import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InstanceDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Replaces the instance's security groups (the groups' usage counts change too). */
export function useUpdateInstanceSecurityGroups(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ instanceId, securityGroupIds }: { instanceId: string; securityGroupIds: string[] }) =>
      api.put<InstanceDto>(`/projects/${projectId}/instances/${instanceId}/security-groups`, { securityGroupIds }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'instances') }),
        queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'security-groups') }),
      ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Renames a group or changes its description; instances show the new name too. */
export function useUpdateSecurityGroup(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, ...input }: { groupId: string; name?: string; description?: string }) =>
      api.patch<SecurityGroupDto>(`/projects/${projectId}/security-groups/${groupId}`, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'security-groups') }),
        queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'instances') }),
      ]),
  });
}

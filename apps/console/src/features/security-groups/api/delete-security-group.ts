import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function useDeleteSecurityGroup(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groupId: string) => api.delete(`/projects/${projectId}/security-groups/${groupId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'security-groups') }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function useDeleteSecurityGroupRule(projectId: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => api.delete(`/projects/${projectId}/security-groups/${groupId}/rules/${ruleId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'security-groups') }),
  });
}

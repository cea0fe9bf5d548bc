import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export function useDeleteSecurityGroupRule(projectId: string, groupId: string) {
  return useMutation({
    mutationFn: (ruleId: string) => api.delete(`/projects/${projectId}/security-groups/${groupId}/rules/${ruleId}`),
  });
}

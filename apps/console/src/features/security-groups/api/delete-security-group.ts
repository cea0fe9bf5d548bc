import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export function useDeleteSecurityGroup(projectId: string) {
  return useMutation({
    mutationFn: (groupId: string) => api.delete(`/projects/${projectId}/security-groups/${groupId}`),
  });
}

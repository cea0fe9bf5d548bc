import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function useCreateSecurityGroup(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; description: string }) =>
      api.post<SecurityGroupDto>(`/projects/${projectId}/security-groups`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'security-groups') }),
  });
}

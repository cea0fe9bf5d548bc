import { useMutation } from '@tanstack/react-query';
import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

export function useCreateSecurityGroup(projectId: string) {
  return useMutation({
    mutationFn: (input: { name: string; description: string }) =>
      api.post<SecurityGroupDto>(`/projects/${projectId}/security-groups`, input),
  });
}

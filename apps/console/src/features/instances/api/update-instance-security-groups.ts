import { useMutation } from '@tanstack/react-query';
import type { InstanceDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Replaces the instance's security groups (the groups' usage counts change too). */
export function useUpdateInstanceSecurityGroups(projectId: string) {
  return useMutation({
    mutationFn: ({ instanceId, securityGroupIds }: { instanceId: string; securityGroupIds: string[] }) =>
      api.put<InstanceDto>(`/projects/${projectId}/instances/${instanceId}/security-groups`, { securityGroupIds }),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Renames a group or changes its description; instances show the new name too. */
export function useUpdateSecurityGroup(projectId: string) {
  return useMutation({
    mutationFn: ({ groupId, ...input }: { groupId: string; name?: string; description?: string }) =>
      api.patch<SecurityGroupDto>(`/projects/${projectId}/security-groups/${groupId}`, input),
  });
}

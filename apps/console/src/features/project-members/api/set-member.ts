import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProjectMemberDto, SetMemberRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * Adds a member by user name, or changes a member's role (the API's PUT does both). Refreshes the
 * project too: changing one's own role changes what the console lets one do.
 */
export function useSetMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetMemberRequest) => api.put<ProjectMemberDto>(`/projects/${projectId}/members`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

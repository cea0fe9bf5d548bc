import { useMutation } from '@tanstack/react-query';
import type { LoadBalancerDto, UpdateMemberRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** A member's weight, or enable/disable (a disabled member takes no traffic). */
export function useUpdateMember(projectId: string, loadBalancerId: string) {
  return useMutation({
    mutationFn: ({ memberId, ...input }: UpdateMemberRequest & { memberId: string }) =>
      api.patch<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/members/${memberId}`, input),
  });
}

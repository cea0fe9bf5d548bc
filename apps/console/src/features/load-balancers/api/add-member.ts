import { useMutation } from '@tanstack/react-query';
import type { AddMemberRequest, LoadBalancerDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[+]` on the Instances tab: another instance of the subnet joins a listener's pool. */
export function useAddMember(projectId: string, loadBalancerId: string) {
  return useMutation({
    mutationFn: ({ listenerId, ...input }: AddMemberRequest & { listenerId: string }) =>
      api.post<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/listeners/${listenerId}/members`, input),
  });
}

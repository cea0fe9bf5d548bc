import { useMutation } from '@tanstack/react-query';
import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[-]` on the Instances tab. */
export function useRemoveMember(projectId: string, loadBalancerId: string) {
  return useMutation({
    mutationFn: (memberId: string) => api.delete<LoadBalancerDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/members/${memberId}`),
  });
}

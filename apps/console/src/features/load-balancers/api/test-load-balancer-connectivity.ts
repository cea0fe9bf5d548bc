import { useMutation } from '@tanstack/react-query';
import type { LoadBalancerConnectivityDto, LoadBalancerConnectivityTestRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Would traffic from the Internet to the load balancer's floating IP on this port get through, and why. */
export function useTestLoadBalancerConnectivity(projectId: string, loadBalancerId: string) {
  return useMutation({
    mutationFn: (input: LoadBalancerConnectivityTestRequest) =>
      api.post<LoadBalancerConnectivityDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/connectivity-test`, input),
  });
}

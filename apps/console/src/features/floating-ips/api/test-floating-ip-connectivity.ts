import { useMutation } from '@tanstack/react-query';
import type { ConnectivityTestRequest, ConnectivityVerdictDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** The same Internet-side test as on an instance, aimed at whatever the floating IP is connected to. */
export function useTestFloatingIpConnectivity(projectId: string, floatingIpId: string) {
  return useMutation({
    mutationFn: (input: ConnectivityTestRequest) =>
      api.post<ConnectivityVerdictDto>(`/projects/${projectId}/floating-ips/${floatingIpId}/connectivity-test`, input),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { ConnectivityTestRequest, ConnectivityVerdictDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** ping / SSH / HTTP from the Internet to the instance: the verdict says which rule allowed it or what is missing. */
export function useTestInstanceConnectivity(projectId: string, instanceId: string) {
  return useMutation({
    mutationFn: (input: ConnectivityTestRequest) =>
      api.post<ConnectivityVerdictDto>(`/projects/${projectId}/instances/${instanceId}/connectivity-test`, input),
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FloatingIpEndpointDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Where a floating IP answers on this machine (its loopback address) and the commands to use it. */
export const floatingIpEndpointQuery = (projectId: string, floatingIpId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resource(projectId, 'floating-ips', floatingIpId), 'endpoint'] as const,
    queryFn: () => api.get<FloatingIpEndpointDto>(`/projects/${projectId}/floating-ips/${floatingIpId}/endpoint`),
  });

export const useFloatingIpEndpoint = (projectId: string, floatingIpId: string) => useQuery(floatingIpEndpointQuery(projectId, floatingIpId));

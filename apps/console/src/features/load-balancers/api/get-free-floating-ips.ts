import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FloatingIpDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `[IP 주소]` choices: floating IPs of the project not connected to any port (the server filters, so none hides behind connected ones). */
export const freeFloatingIpsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'load-balancer-free-floating-ips'),
    queryFn: async () => (await api.get<Page<FloatingIpDto>>(`/projects/${projectId}/floating-ips?attached=false&sort=address&limit=500`)).items,
  });

export const useFreeFloatingIps = (projectId: string) => useQuery(freeFloatingIpsQuery(projectId));

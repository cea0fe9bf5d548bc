import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NetworkDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `[Network(Subnet)]` choices: each project network with its subnet ("[Default Network]192.168.0.0/24"). */
export const loadBalancerSubnetsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'load-balancer-subnets'),
    queryFn: async () => (await api.get<Page<NetworkDto>>(`/projects/${projectId}/networks?limit=500`)).items,
  });

export const useLoadBalancerSubnets = (projectId: string) => useQuery(loadBalancerSubnetsQuery(projectId));

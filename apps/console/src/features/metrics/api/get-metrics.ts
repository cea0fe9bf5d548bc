import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InstanceMetricsDto, LoadBalancerMetricsDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** How often the open graphs ask for new samples (the engine samples every 5 s). */
const REFRESH_MS = 5_000;

export const instanceMetricsQuery = (projectId: string, instanceId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resource(projectId, 'instances', instanceId), 'metrics'] as const,
    queryFn: () => api.get<InstanceMetricsDto>(`/projects/${projectId}/instances/${instanceId}/metrics`),
    refetchInterval: REFRESH_MS,
  });

export const useInstanceMetrics = (projectId: string, instanceId: string) => useQuery(instanceMetricsQuery(projectId, instanceId));

export const loadBalancerMetricsQuery = (projectId: string, loadBalancerId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resource(projectId, 'load-balancers', loadBalancerId), 'metrics'] as const,
    queryFn: () => api.get<LoadBalancerMetricsDto>(`/projects/${projectId}/load-balancers/${loadBalancerId}/metrics`),
    refetchInterval: REFRESH_MS,
  });

export const useLoadBalancerMetrics = (projectId: string, loadBalancerId: string) => useQuery(loadBalancerMetricsQuery(projectId, loadBalancerId));

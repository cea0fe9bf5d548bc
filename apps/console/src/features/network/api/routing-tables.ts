import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { CreateRoutingTableRequest, Page, RoutingTableDto, UpdateRoutingTableRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export const routingTablesQuery = (projectId: string) =>
  queryOptions({ queryKey: queryKeys.resources(projectId, 'routing-tables'), queryFn: () => api.get<Page<RoutingTableDto>>(`/projects/${projectId}/routing-tables?limit=500`) });
export const useRoutingTables = (projectId: string) => useQuery(routingTablesQuery(projectId));
/** The 라우팅 테이블 screen's page for a view (sort and search in the URL). */
export const useRoutingTablePage = (projectId: string, params: ListParams) =>
  useListPage<RoutingTableDto>({ queryKey: queryKeys.resources(projectId, 'routing-tables'), path: `/projects/${projectId}/routing-tables`, params });

export function useCreateRoutingTable(projectId: string) {
  return useMutation({ mutationFn: (input: CreateRoutingTableRequest) => api.post<RoutingTableDto>(`/projects/${projectId}/routing-tables`, input) });
}

/** Rename or attach/detach the internet gateway. */
export function useUpdateRoutingTable(projectId: string) {
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateRoutingTableRequest & { id: string }) => api.patch<RoutingTableDto>(`/projects/${projectId}/routing-tables/${id}`, input),
  });
}

export function useDeleteRoutingTable(projectId: string) {
  return useMutation({ mutationFn: (id: string) => api.delete(`/projects/${projectId}/routing-tables/${id}`) });
}

export function useAttachSubnet(projectId: string) {
  return useMutation({
    mutationFn: ({ id, subnetId }: { id: string; subnetId: string }) => api.post<RoutingTableDto>(`/projects/${projectId}/routing-tables/${id}/subnets`, { subnetId }),
  });
}

export function useDetachSubnet(projectId: string) {
  return useMutation({
    mutationFn: ({ id, subnetId }: { id: string; subnetId: string }) => api.delete<RoutingTableDto>(`/projects/${projectId}/routing-tables/${id}/subnets/${subnetId}`),
  });
}

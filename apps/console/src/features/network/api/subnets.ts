import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { CreateSubnetRequest, Page, SubnetDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export const subnetsQuery = (projectId: string) =>
  queryOptions({ queryKey: queryKeys.resources(projectId, 'subnets'), queryFn: () => api.get<Page<SubnetDto>>(`/projects/${projectId}/subnets?limit=500`) });
export const useSubnets = (projectId: string) => useQuery(subnetsQuery(projectId));
/** The 서브넷 screen's page for a view (sort and search in the URL). */
export const useSubnetPage = (projectId: string, params: ListParams) => useListPage<SubnetDto>({ queryKey: queryKeys.resources(projectId, 'subnets'), path: `/projects/${projectId}/subnets`, params });

export function useCreateSubnet(projectId: string) {
  return useMutation({ mutationFn: (input: CreateSubnetRequest) => api.post<SubnetDto>(`/projects/${projectId}/subnets`, input) });
}

export function useDeleteSubnet(projectId: string) {
  return useMutation({ mutationFn: (id: string) => api.delete(`/projects/${projectId}/subnets/${id}`) });
}

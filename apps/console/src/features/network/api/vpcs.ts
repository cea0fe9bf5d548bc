import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { CreateVpcRequest, Page, UpdateVpcRequest, VpcDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

// VPCs: list, create, edit, delete. The live event of a change refreshes every view that shows it.

export const vpcsQuery = (projectId: string) =>
  queryOptions({ queryKey: queryKeys.resources(projectId, 'vpcs'), queryFn: () => api.get<Page<VpcDto>>(`/projects/${projectId}/vpcs?limit=500`) });
export const useVpcs = (projectId: string) => useQuery(vpcsQuery(projectId));
/** The VPC screen's page for a view (sort and search in the URL). */
export const useVpcPage = (projectId: string, params: ListParams) => useListPage<VpcDto>({ queryKey: queryKeys.resources(projectId, 'vpcs'), path: `/projects/${projectId}/vpcs`, params });

export function useCreateVpc(projectId: string) {
  return useMutation({ mutationFn: (input: CreateVpcRequest) => api.post<VpcDto>(`/projects/${projectId}/vpcs`, input) });
}

export function useUpdateVpc(projectId: string) {
  return useMutation({ mutationFn: ({ id, ...input }: UpdateVpcRequest & { id: string }) => api.patch<VpcDto>(`/projects/${projectId}/vpcs/${id}`, input) });
}

export function useDeleteVpc(projectId: string) {
  return useMutation({ mutationFn: (id: string) => api.delete(`/projects/${projectId}/vpcs/${id}`) });
}

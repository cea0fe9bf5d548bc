import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateVpcRequest, Page, UpdateVpcRequest, VpcDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

// VPCs: list, create, edit, delete. Any network change refreshes every network view of the project.

export const vpcsQuery = (projectId: string) =>
  queryOptions({ queryKey: queryKeys.resources(projectId, 'vpcs'), queryFn: () => api.get<Page<VpcDto>>(`/projects/${projectId}/vpcs?limit=500`) });
export const useVpcs = (projectId: string) => useQuery(vpcsQuery(projectId));
/** The VPC screen's page for a view (sort and search in the URL). */
export const useVpcPage = (projectId: string, params: ListParams) => useListPage<VpcDto>({ queryKey: queryKeys.resources(projectId, 'vpcs'), path: `/projects/${projectId}/vpcs`, params });

/** After any VPC, subnet, routing table or interface change: every list that shows them. */
export function useNetworkInvalidation(projectId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) });
}

export function useCreateVpc(projectId: string) {
  const invalidate = useNetworkInvalidation(projectId);
  return useMutation({ mutationFn: (input: CreateVpcRequest) => api.post<VpcDto>(`/projects/${projectId}/vpcs`, input), onSuccess: invalidate });
}

export function useUpdateVpc(projectId: string) {
  const invalidate = useNetworkInvalidation(projectId);
  return useMutation({ mutationFn: ({ id, ...input }: UpdateVpcRequest & { id: string }) => api.patch<VpcDto>(`/projects/${projectId}/vpcs/${id}`, input), onSuccess: invalidate });
}

export function useDeleteVpc(projectId: string) {
  const invalidate = useNetworkInvalidation(projectId);
  return useMutation({ mutationFn: (id: string) => api.delete(`/projects/${projectId}/vpcs/${id}`), onSuccess: invalidate });
}

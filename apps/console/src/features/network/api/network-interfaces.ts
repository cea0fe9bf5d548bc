import { useMutation } from '@tanstack/react-query';
import type { CreateNetworkInterfaceRequest, NetworkInterfaceDto } from '@sandcloud/api-schemas';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The 네트워크 인터페이스 screen's page for a view (sort and search in the URL). */
export const useNetworkInterfacePage = (projectId: string, params: ListParams) =>
  useListPage<NetworkInterfaceDto>({ queryKey: queryKeys.resources(projectId, 'network-interfaces'), path: `/projects/${projectId}/network-interfaces`, params });

export function useCreateNetworkInterface(projectId: string) {
  return useMutation({
    mutationFn: (input: CreateNetworkInterfaceRequest) => api.post<NetworkInterfaceDto>(`/projects/${projectId}/network-interfaces`, input),
  });
}

export function useDeleteNetworkInterface(projectId: string) {
  return useMutation({ mutationFn: (id: string) => api.delete(`/projects/${projectId}/network-interfaces/${id}`) });
}

/** Attach a free interface to an instance (also while it runs). */
export function useAttachInterface(projectId: string) {
  return useMutation({
    mutationFn: ({ id, instanceId }: { id: string; instanceId: string }) => api.post<NetworkInterfaceDto>(`/projects/${projectId}/network-interfaces/${id}/attach`, { instanceId }),
  });
}

/** Detach from its instance (refused for the instance's last interface). */
export function useDetachInterface(projectId: string) {
  return useMutation({ mutationFn: (id: string) => api.post<NetworkInterfaceDto>(`/projects/${projectId}/network-interfaces/${id}/detach`) });
}

/** Moves a floating IP to this interface, from wherever it is connected. */
export function useMoveFloatingIp(projectId: string) {
  return useMutation({
    mutationFn: ({ id, floatingIpId }: { id: string; floatingIpId: string }) =>
      api.post<NetworkInterfaceDto>(`/projects/${projectId}/network-interfaces/${id}/floating-ip`, { floatingIpId }),
  });
}

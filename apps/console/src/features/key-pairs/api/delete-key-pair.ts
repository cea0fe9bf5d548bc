import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function useDeleteKeyPair(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyPairId: string) => api.delete(`/projects/${projectId}/key-pairs/${keyPairId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'key-pairs') }),
  });
}

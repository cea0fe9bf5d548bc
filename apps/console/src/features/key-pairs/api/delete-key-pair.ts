import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export function useDeleteKeyPair(projectId: string) {
  return useMutation({
    mutationFn: (keyPairId: string) => api.delete(`/projects/${projectId}/key-pairs/${keyPairId}`),
  });
}

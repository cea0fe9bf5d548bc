import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportKeyPairRequest, KeyPairDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Registers a public key the user already has; the private key never leaves their machine. */
export function useImportKeyPair(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportKeyPairRequest) => api.post<KeyPairDto>(`/projects/${projectId}/key-pairs/import`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'key-pairs') }),
  });
}

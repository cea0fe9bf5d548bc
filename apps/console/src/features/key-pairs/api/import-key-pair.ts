import { useMutation } from '@tanstack/react-query';
import type { ImportKeyPairRequest, KeyPairDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Registers a public key the user already has; the private key never leaves their machine. */
export function useImportKeyPair(projectId: string) {
  return useMutation({
    mutationFn: (input: ImportKeyPairRequest) => api.post<KeyPairDto>(`/projects/${projectId}/key-pairs/import`, input),
  });
}

import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export function useDeleteUser() {
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/users/${userId}`),
  });
}

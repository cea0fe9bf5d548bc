import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** An administrator sets a user's password; every session of that user ends. */
export function useResetPassword() {
  return useMutation({
    mutationFn: ({ userId, password }: { userId: string; password: string }) => api.put<void>(`/users/${userId}/password`, { password }),
  });
}

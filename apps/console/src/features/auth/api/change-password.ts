import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `PUT /me/password`: this session stays; the user's other sessions end. */
export function useChangePassword() {
  return useMutation({ mutationFn: (input: ChangePasswordRequest) => api.put<void>('/me/password', input) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserSummaryDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { usersQueryKey } from './get-users.ts';

/** Disables (their sessions end, sign-in refused) or enables a user. */
export function useSetUserDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, disabled }: { userId: string; disabled: boolean }) => api.patch<UserSummaryDto>(`/users/${userId}`, { disabled }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { UserSummaryDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Disables (their sessions end, sign-in refused) or enables a user. */
export function useSetUserDisabled() {
  return useMutation({
    mutationFn: ({ userId, disabled }: { userId: string; disabled: boolean }) => api.patch<UserSummaryDto>(`/users/${userId}`, { disabled }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UserSummaryDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { usersQueryKey } from './get-users.ts';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserRequest) => api.post<UserSummaryDto>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

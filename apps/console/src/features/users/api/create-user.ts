import { useMutation } from '@tanstack/react-query';
import type { CreateUserRequest, UserSummaryDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

export function useCreateUser() {
  return useMutation({
    mutationFn: (input: CreateUserRequest) => api.post<UserSummaryDto>('/users', input),
  });
}

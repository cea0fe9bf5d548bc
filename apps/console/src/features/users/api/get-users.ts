import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, UserSummaryDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export const usersQueryKey = queryKeys.users;

export const usersQuery = queryOptions({
  queryKey: usersQueryKey,
  queryFn: () => api.get<Page<UserSummaryDto>>('/users?limit=500'),
});

/** Only a system administrator may list users; others do not ask (the API would answer 403). */
export const useUsers = (isAdmin: boolean) => useQuery({ ...usersQuery, enabled: isAdmin });

/** The Users screen's page for a view (sort and search in the URL); only administrators ask. */
export const useUserPage = (isAdmin: boolean, params: ListParams) => useListPage<UserSummaryDto>({ queryKey: usersQueryKey, path: '/users', params, enabled: isAdmin });

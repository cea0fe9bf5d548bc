import type { UserSummaryDto } from '@sandcloud/api-schemas';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export const usersQueryKey = queryKeys.users;

/** The Users screen's page for a view (sort and search in the URL); only administrators ask. */
export const useUserPage = (isAdmin: boolean, params: ListParams) => useListPage<UserSummaryDto>({ queryKey: usersQueryKey, path: '/users', params, enabled: isAdmin });

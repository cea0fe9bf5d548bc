import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FloatingIpDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export const floatingIpsQuery = (projectId: string, q = '') =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'floating-ips'), 'search', q],
    queryFn: () => {
      const query = new URLSearchParams({ sort: 'address', limit: String(FREE_FLOATING_IP_PAGE), ...(q ? { q } : {}) });
      return api.get<Page<FloatingIpDto>>(`/projects/${projectId}/floating-ips?${query.toString()}`);
    },
    placeholderData: keepPreviousData,
  });

/** A picker's floating IPs: those whose address (or fixed IP) contains `q`, 50 at a time, by address. */
export const useFloatingIps = (projectId: string, q = '') => useQuery(floatingIpsQuery(projectId, q));

/** The Floating IP screen's page for a view (sort, search, `attached` filter in the URL). */
export const useFloatingIpPage = (projectId: string, params: ListParams) =>
  useListPage<FloatingIpDto>({ queryKey: queryKeys.resources(projectId, 'floating-ips'), path: `/projects/${projectId}/floating-ips`, params });

/** How many free addresses the picker shows at once; the search narrows them, so none is out of reach. */
export const FREE_FLOATING_IP_PAGE = 50;

/**
 * `[IP 주소]` choices: the project's floating IPs no port uses whose address contains `q`, filtered,
 * searched and sorted by the server (none hides behind connected ones or past a page).
 */
export const useFreeFloatingIps = (projectId: string, q = '') =>
  useQuery({
    queryKey: [...queryKeys.resources(projectId, 'floating-ips'), 'free', q],
    queryFn: () => {
      const query = new URLSearchParams({ attached: 'false', sort: 'address', limit: String(FREE_FLOATING_IP_PAGE), ...(q ? { q } : {}) });
      return api.get<Page<FloatingIpDto>>(`/projects/${projectId}/floating-ips?${query.toString()}`);
    },
    placeholderData: keepPreviousData,
  });

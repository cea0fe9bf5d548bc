import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FloatingIpDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** How many free addresses the picker shows at once; the search narrows them, so none is out of reach. */
export const FREE_FLOATING_IP_PAGE = 50;

/**
 * `[IP 주소]` choices: floating IPs of the project not connected to any port whose address contains
 * `q`, filtered, searched and sorted by the server (none hides behind connected ones or past a page).
 */
export const freeFloatingIpsQuery = (projectId: string, q = '') =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'load-balancer-free-floating-ips'), q],
    queryFn: async () => {
      const query = new URLSearchParams({ attached: 'false', sort: 'address', limit: String(FREE_FLOATING_IP_PAGE), ...(q ? { q } : {}) });
      return (await api.get<Page<FloatingIpDto>>(`/projects/${projectId}/floating-ips?${query.toString()}`)).items;
    },
    placeholderData: keepPreviousData,
  });

export const useFreeFloatingIps = (projectId: string, q = '') => useQuery(freeFloatingIpsQuery(projectId, q));

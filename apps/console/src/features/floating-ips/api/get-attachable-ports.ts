import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AttachablePortDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * `[연결될 포트]` choices matching `q` (instance name or address) that have no floating IP yet, asked
 * of the server 100 at a time, so a project with thousands of instances still finds each one.
 */
export const useFreePortSearch = (projectId: string, q: string, enabled = true) =>
  useQuery({
    queryKey: [...queryKeys.resources(projectId, 'attachable-ports'), 'free', q.trim()],
    queryFn: async () => {
      const query = new URLSearchParams({ hasFloatingIp: 'false', sort: 'deviceName', limit: '100' });
      if (q.trim()) query.set('q', q.trim());
      return (await api.get<Page<AttachablePortDto>>(`/projects/${projectId}/ports/attachable?${query.toString()}`)).items;
    },
    enabled,
    placeholderData: keepPreviousData,
  });

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AttachablePortDto, Page } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The ports `[연결될 포트]` offers: instances' (and later load balancers') private addresses. */
export const attachablePortsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'attachable-ports'),
    queryFn: async () => {
      // The contract says a Page; accept a bare array too.
      const answer = await api.get<Page<AttachablePortDto> | AttachablePortDto[]>(`/projects/${projectId}/ports/attachable`);
      return Array.isArray(answer) ? answer : answer.items;
    },
  });

export const useAttachablePorts = (projectId: string, enabled = true) => useQuery({ ...attachablePortsQuery(projectId), enabled });

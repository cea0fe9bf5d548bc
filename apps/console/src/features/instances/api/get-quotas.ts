import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QuotasDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const quotasQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'quotas'),
    queryFn: () => api.get<QuotasDto>(`/projects/${projectId}/quotas`),
  });

export const useQuotas = (projectId: string) => useQuery(quotasQuery(projectId));

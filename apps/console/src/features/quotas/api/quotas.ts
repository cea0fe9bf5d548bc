import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QuotaDefaultsDto, QuotasDto, UpdateQuotasRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The project's quotas and usage (the launch wizard's quota panel reads the same key). */
export const projectQuotasQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'quotas'),
    queryFn: () => api.get<QuotasDto>(`/projects/${projectId}/quotas`),
  });

export const useProjectQuotas = (projectId: string, enabled = true) => useQuery({ ...projectQuotasQuery(projectId), enabled });

/** An administrator changes some of the project's limits; a limit below usage is refused (400, naming it). */
export function useUpdateQuotas(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateQuotasRequest) => api.put<QuotasDto>(`/projects/${projectId}/quotas`, changes),
    onSuccess: (quotas) => {
      queryClient.setQueryData(projectQuotasQuery(projectId).queryKey, quotas);
      void queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) });
    },
  });
}

/** The cloud-wide defaults (admin settings): projects without a limit of their own get these. */
export const quotaDefaultsQuery = queryOptions({
  queryKey: ['settings', 'quotas'] as const,
  queryFn: () => api.get<QuotaDefaultsDto>('/settings/quotas'),
});

export const useQuotaDefaults = (enabled: boolean) => useQuery({ ...quotaDefaultsQuery, enabled });

export function useUpdateQuotaDefaults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateQuotasRequest) => api.put<QuotaDefaultsDto>('/settings/quotas', changes),
    onSuccess: (defaults) => {
      queryClient.setQueryData(quotaDefaultsQuery.queryKey, defaults);
      // Every project without its own limit follows the defaults.
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects });
    },
  });
}

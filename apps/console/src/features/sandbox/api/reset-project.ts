import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResetProjectRequest, ResetReportDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

const resetKey = (projectId: string) => queryKeys.resources(projectId, 'reset');

/** The project's last reset; polled while one runs (its deletions also arrive as live events). */
export const resetReportQuery = (projectId: string) =>
  queryOptions({
    queryKey: resetKey(projectId),
    queryFn: () => api.get<ResetReportDto>(`/projects/${projectId}/reset`),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false),
  });

export const useResetReport = (projectId: string) => useQuery(resetReportQuery(projectId));

export function useResetProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ResetProjectRequest) => api.post<ResetReportDto>(`/projects/${projectId}/reset`, input),
    onSuccess: (report) => {
      queryClient.setQueryData(resetKey(projectId), report);
      void queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) });
    },
  });
}

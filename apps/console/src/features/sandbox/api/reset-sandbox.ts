import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResetSandboxRequest, SandboxResetReportDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

const key = ['sandbox', 'reset'] as const;

/** The whole sandbox's last reset (administrators); polled while one runs. */
export const useSandboxReset = () =>
  useQuery({
    queryKey: key,
    queryFn: () => api.get<SandboxResetReportDto>('/sandbox/reset'),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false),
  });

export function useResetSandbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ResetSandboxRequest) => api.post<SandboxResetReportDto>('/sandbox/reset', input),
    onSuccess: (report) => {
      queryClient.setQueryData(key, report);
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

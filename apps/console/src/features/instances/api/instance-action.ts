import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InstanceDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type PowerAction = 'stop' | 'start' | 'reboot' | 'hard-reboot';

/** Shutdown, start, reboot or hard-reboot one instance; the status changes arrive as live events. */
export function useInstanceAction(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ instanceId, action }: { instanceId: string; action: PowerAction }) =>
      api.post<InstanceDto | undefined>(`/projects/${projectId}/instances/${instanceId}/actions`, { action }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'instances') }),
  });
}

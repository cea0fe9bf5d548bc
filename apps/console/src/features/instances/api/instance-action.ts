import { useMutation } from '@tanstack/react-query';
import type { InstanceDto } from '@sandcloud/api-schemas';
import type { InstancePowerAction } from '@sandcloud/domain';
import { api } from '../../../lib/api-client.ts';

export type PowerAction = InstancePowerAction;

/** Shutdown, start, reboot or hard-reboot one instance; the status changes arrive as live events. */
export function useInstanceAction(projectId: string) {
  return useMutation({
    mutationFn: ({ instanceId, action }: { instanceId: string; action: PowerAction }) =>
      api.post<InstanceDto | undefined>(`/projects/${projectId}/instances/${instanceId}/actions`, { action }),
  });
}

import { useMutation } from '@tanstack/react-query';
import type { InstanceDto, ResizeInstanceRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Resize to another flavor: RESIZE, then VERIFY_RESIZE until confirmed or reverted. */
export function useResizeInstance(projectId: string) {
  return useMutation({
    mutationFn: ({ instanceId, ...body }: ResizeInstanceRequest & { instanceId: string }) =>
      api.post<InstanceDto>(`/projects/${projectId}/instances/${instanceId}/resize`, body),
  });
}

/** Confirm (keep the new flavor) or revert (back to the old one) a resize waiting in VERIFY_RESIZE. */
export function useFinishResize(projectId: string) {
  return useMutation({
    mutationFn: ({ instanceId, decision }: { instanceId: string; decision: 'confirm' | 'revert' }) =>
      api.post<InstanceDto>(`/projects/${projectId}/instances/${instanceId}/${decision}-resize`, {}),
  });
}

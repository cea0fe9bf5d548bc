import { useMutation } from '@tanstack/react-query';
import type { CreateInstanceRequest, InstanceDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[Instance 생성]`: one request creates `count` instances, named name-1, name-2… when count > 1. */
export function useCreateInstances(projectId: string) {
  return useMutation({
    mutationFn: (input: CreateInstanceRequest) => api.post<{ items: InstanceDto[] }>(`/projects/${projectId}/instances`, input),
    // Quotas, ports and key pair usage change too: refresh the whole project.
  });
}

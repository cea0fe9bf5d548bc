import type { BulkInstanceAction } from '@sandcloud/domain';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export type BulkAction = BulkInstanceAction;

/** Each instance is its own operation: the answer says which ones were refused, and why (with the message's code, as an error body's). */
export interface BulkActionResult {
  results: ({ id: string; ok: true } | { id: string; ok: false; message: string; messageCode?: string; params?: Readonly<Record<string, string | number>> })[];
}

/** The list's checkbox actions: stop, start or delete several instances in one request. */
export function useBulkInstanceAction(projectId: string) {
  return useMutation({
    mutationFn: (input: { action: BulkAction; instanceIds: string[] }) =>
      api.post<BulkActionResult>(`/projects/${projectId}/instances/bulk-actions`, input),
  });
}

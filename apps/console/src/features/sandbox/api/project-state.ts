import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StateImportReportDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Where the browser downloads the project's state (a plain link: the session cookie goes along). */
export const stateDownloadUrl = (projectId: string) => `/api/projects/${projectId}/state`;

/** Uploads a state file into the (empty) project; every list of the project refreshes. */
export function useImportState(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.postFile<StateImportReportDto>(`/projects/${projectId}/state`, file),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
  });
}

import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Volumes show on the volume list, the snapshot list and each instance's page: refresh all three. */
export const invalidateVolumes = (queryClient: QueryClient, projectId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'volumes') }),
    queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'volume-snapshots') }),
    queryClient.invalidateQueries({ queryKey: queryKeys.resources(projectId, 'quotas') }),
  ]);

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConsoleLogDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** While the log may still grow (the instance builds, its user data runs) it is read again this often. */
const LIVE_POLL_MS = 1_000;

/**
 * The instance's serial console: boot messages and the user data's output. Under the instances' key,
 * so every live event of the instance (BUILD → ACTIVE…) refreshes it; while `live` it also polls,
 * because a script's output is not an engine event.
 */
export const consoleLogQuery = (projectId: string, instanceId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resource(projectId, 'instances', instanceId), 'console-log'] as const,
    queryFn: () => api.get<ConsoleLogDto>(`/projects/${projectId}/instances/${instanceId}/console-log`),
    refetchInterval: (query) => (query.state.data?.live ? LIVE_POLL_MS : false),
  });

export const useConsoleLog = (projectId: string, instanceId: string) => useQuery(consoleLogQuery(projectId, instanceId));

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SettingsDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** Cloud-wide settings: the public address of this machine ("My IP") among them. */
export const settingsQuery = () =>
  queryOptions({
    queryKey: ['settings'] as const,
    queryFn: () => api.get<SettingsDto>('/settings'),
    staleTime: 60_000,
  });

export const useSettings = () => useQuery(settingsQuery());

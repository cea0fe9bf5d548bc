import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, SecurityGroupDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Every group with its rules; a group's page reads its entry from this list (the API has no GET by id). */
export const securityGroupsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'security-groups'),
    queryFn: () => api.get<Page<SecurityGroupDto>>(`/projects/${projectId}/security-groups?limit=500`),
  });

export const useSecurityGroups = (projectId: string) => useQuery(securityGroupsQuery(projectId));

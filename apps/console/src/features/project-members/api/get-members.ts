import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, ProjectMemberDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const membersQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.members(projectId),
    queryFn: () => api.get<Page<ProjectMemberDto>>(`/projects/${projectId}/members`),
  });

export const useMembers = (projectId: string) => useQuery(membersQuery(projectId));

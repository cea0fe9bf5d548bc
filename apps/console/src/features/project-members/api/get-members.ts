import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, ProjectMemberDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

export const membersQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.members(projectId),
    queryFn: () => api.get<Page<ProjectMemberDto>>(`/projects/${projectId}/members`),
  });

export const useMembers = (projectId: string) => useQuery(membersQuery(projectId));

/** The Members tab's table: a server page for a view (sort and search in the URL). */
export const useMemberPage = (projectId: string, params: ListParams) =>
  useListPage<ProjectMemberDto>({ queryKey: queryKeys.members(projectId), path: `/projects/${projectId}/members`, params });

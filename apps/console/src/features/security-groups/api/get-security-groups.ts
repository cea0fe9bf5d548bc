import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, SecurityGroupDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

/** Every group with its rules; a group's page reads its entry from this list (the API has no GET by id). */
export const securityGroupsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'security-groups'),
    queryFn: () => api.get<Page<SecurityGroupDto>>(`/projects/${projectId}/security-groups?limit=500`),
  });

export const useSecurityGroups = (projectId: string) => useQuery(securityGroupsQuery(projectId));

/** The Security Groups screen's page for a view (sort and search in the URL). */
export const useSecurityGroupPage = (projectId: string, params: ListParams) =>
  useListPage<SecurityGroupDto>({ queryKey: queryKeys.resources(projectId, 'security-groups'), path: `/projects/${projectId}/security-groups`, params });

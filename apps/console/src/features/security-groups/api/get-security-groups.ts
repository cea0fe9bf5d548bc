import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE, type Page, type SecurityGroupDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';

/** Every group with its rules (a rule's remote-group choices; the project's quota keeps them few). */
export const securityGroupsQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'security-groups'),
    queryFn: () => api.get<Page<SecurityGroupDto>>(`/projects/${projectId}/security-groups?limit=500`),
  });

export const useSecurityGroups = (projectId: string) => useQuery(securityGroupsQuery(projectId));

/** The Security Groups screen's page for a view (sort and search in the URL). */
export const useSecurityGroupPage = (projectId: string, params: ListParams) =>
  useListPage<SecurityGroupDto>({ queryKey: queryKeys.resources(projectId, 'security-groups'), path: `/projects/${projectId}/security-groups`, params });

/** How many matches the picker shows at once; the search narrows them, so none is ever out of reach. */
export const SECURITY_GROUP_PICKER_PAGE = 50;

const groupsPage = (projectId: string, query: Record<string, string>) =>
  api.get<Page<SecurityGroupDto>>(`/projects/${projectId}/security-groups?${new URLSearchParams(query).toString()}`);

/** The picker's choices: groups whose name, id or description contains `q`, asked of the server (by name). */
export const useSecurityGroupSearch = (projectId: string, q: string) =>
  useQuery({
    queryKey: [...queryKeys.resources(projectId, 'security-groups'), 'search', q],
    queryFn: () => groupsPage(projectId, { sort: 'name', limit: String(SECURITY_GROUP_PICKER_PAGE), ...(q ? { q } : {}) }),
    placeholderData: keepPreviousData,
  });

/** The groups chosen so far, looked up by id (`?id=a,b`): what a summary shows, whatever the search. */
export const useSecurityGroupsById = (projectId: string, ids: readonly string[]) => {
  const key = [...new Set(ids)].sort().join(',');
  return useQuery({
    queryKey: [...queryKeys.resources(projectId, 'security-groups'), 'ids', key],
    queryFn: () => groupsPage(projectId, { id: key, sort: 'name', limit: String(Math.min(Math.max(ids.length, 1), MAX_PAGE_SIZE)) }),
    enabled: key !== '',
    placeholderData: keepPreviousData,
  });
};

/** The project's `default` group, the one a new instance gets unless the user chooses otherwise. */
export const useDefaultSecurityGroup = (projectId: string) =>
  useQuery({
    queryKey: [...queryKeys.resources(projectId, 'security-groups'), 'default'],
    queryFn: async () => (await groupsPage(projectId, { isDefault: 'true', limit: '1' })).items[0] ?? null,
  });

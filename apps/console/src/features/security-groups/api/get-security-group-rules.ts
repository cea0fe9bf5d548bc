import type { SecurityGroupDto, SecurityGroupRuleDto } from '@sandcloud/api-schemas';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useListPage, type ListParams } from '../../../components/data-table/index.ts';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** One group by id (its page), under the groups' key so live events and rule changes refresh it. */
export const securityGroupQuery = (projectId: string, groupId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resources(projectId, 'security-groups'), groupId],
    queryFn: () => api.get<SecurityGroupDto>(`/projects/${projectId}/security-groups/${groupId}`),
  });

export const useSecurityGroup = (projectId: string, groupId: string) => useQuery(securityGroupQuery(projectId, groupId));

/** A group's rules table: one server page for the view in the URL (sort, search, direction). */
export const useSecurityGroupRulePage = (projectId: string, groupId: string, params: ListParams) =>
  useListPage<SecurityGroupRuleDto>({
    queryKey: [...queryKeys.resources(projectId, 'security-groups'), groupId, 'rules'],
    path: `/projects/${projectId}/security-groups/${groupId}/rules`,
    params,
  });

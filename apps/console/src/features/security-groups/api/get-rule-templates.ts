import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, RuleTemplateDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The `[Rule]` choices of the add-rule dialog (ALL ICMP, SSH, HTTP… and custom ones). */
export const ruleTemplatesQuery = (projectId: string) =>
  queryOptions({
    queryKey: queryKeys.resources(projectId, 'security-group-rule-templates'),
    queryFn: async () => {
      // The contract says a Page; accept a bare array too.
      const answer = await api.get<Page<RuleTemplateDto> | RuleTemplateDto[]>(`/projects/${projectId}/security-group-rule-templates`);
      return Array.isArray(answer) ? answer : answer.items;
    },
    staleTime: Infinity,
  });

export const useRuleTemplates = (projectId: string) => useQuery(ruleTemplatesQuery(projectId));

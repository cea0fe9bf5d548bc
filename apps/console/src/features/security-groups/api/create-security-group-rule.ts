import { useMutation } from '@tanstack/react-query';
import type { CreateSecurityGroupRuleRequest, SecurityGroupRuleDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

/** `[추가]` in the `[+ Rule 추가]` dialog. */
export function useCreateSecurityGroupRule(projectId: string, groupId: string) {
  return useMutation({
    mutationFn: (input: CreateSecurityGroupRuleRequest) =>
      api.post<SecurityGroupRuleDto>(`/projects/${projectId}/security-groups/${groupId}/rules`, input),
  });
}

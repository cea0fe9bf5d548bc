import type { SecurityGroupDto } from '@sandcloud/api-schemas';
import type { Translate } from '../../../lib/i18n/i18n.tsx';

/** Why a group cannot be deleted now, or undefined when it can. */
export function deleteBlockedReason(group: SecurityGroupDto, t: Translate): string | undefined {
  if (group.isDefault) return t('securityGroups.reason.defaultGroup');
  if (group.instanceCount > 0) return t('securityGroups.reason.inUse', { count: group.instanceCount });
  return undefined;
}

import type { SecurityGroupRuleDto } from '@sandcloud/api-schemas';
import type { Translate } from '../../../lib/i18n/i18n.tsx';

/** "TCP", "ICMP" or "Any" for a rule's protocol column. */
export const formatProtocol = (rule: Pick<SecurityGroupRuleDto, 'protocol'>, t: Translate): string =>
  rule.protocol === null ? t('securityGroups.any') : rule.protocol.toUpperCase();

/** The port range column: "22", "8000 - 8080", "Any"; for ICMP the type and code. */
export function formatPortRange(rule: Pick<SecurityGroupRuleDto, 'protocol' | 'portRangeMin' | 'portRangeMax'>, t: Translate): string {
  const { protocol, portRangeMin: min, portRangeMax: max } = rule;
  if (protocol === 'icmp') {
    if (min === null) return t('securityGroups.any');
    return max === null ? t('securityGroups.icmpType', { type: min }) : t('securityGroups.icmpTypeCode', { type: min, code: max });
  }
  if (min === null || max === null) return t('securityGroups.any');
  if (protocol === 'tcp' && min === 1 && max === 65535) return t('securityGroups.any');
  if (protocol === 'udp' && min === 1 && max === 65535) return t('securityGroups.any');
  return min === max ? String(min) : `${min} - ${max}`;
}

/** Where the traffic comes from (ingress) or goes to (egress): a CIDR or the members of a group. */
export function formatRemote(rule: Pick<SecurityGroupRuleDto, 'remoteIpPrefix' | 'remoteGroupId' | 'remoteGroupName' | 'etherType'>, t: Translate): string {
  if (rule.remoteGroupId !== null) return t('securityGroups.remoteGroupValue', { name: rule.remoteGroupName ?? rule.remoteGroupId });
  return rule.remoteIpPrefix ?? (rule.etherType === 'IPv4' ? '0.0.0.0/0' : '::/0');
}

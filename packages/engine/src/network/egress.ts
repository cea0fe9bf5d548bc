import { cidrContains, ipFamily, type SecurityGroupRule } from '@sandcloud/domain';
import { matchesTraffic, type TrafficProtocol } from './reachability.ts';

/**
 * Whether the source's security groups let traffic leave toward `destinationIp` (egress rules).
 * `destinationGroupIds` are the groups of the destination when it is an instance, for rules whose
 * remote is a group.
 */
export function egressAllows(
  rules: readonly SecurityGroupRule[],
  protocol: TrafficProtocol,
  port: number | undefined,
  destinationIp: string,
  destinationGroupIds: readonly string[] = [],
): boolean {
  const family = ipFamily(destinationIp);
  return rules.some(
    (rule) =>
      rule.direction === 'egress' &&
      rule.etherType === family &&
      matchesTraffic(rule, protocol, port) &&
      (rule.remoteGroupId !== null
        ? destinationGroupIds.includes(rule.remoteGroupId)
        : rule.remoteIpPrefix === null || cidrContains(rule.remoteIpPrefix, destinationIp)),
  );
}

// The engine's verdict on whether a packet reaches an instance, with a reason
// a learner can act on ("associate a floating IP", "add an ingress rule").
// Models Neutron semantics: a port admits ingress only when one of its
// security groups has a matching ingress rule; replies are allowed statefully.
import { cidrContains, ipFamily, type SecurityGroupRule } from '@sandcloud/domain';

export { pingTranscript } from './ping-transcript.ts';

export type TrafficProtocol = 'icmp' | 'tcp' | 'udp';

export type TrafficSource =
  | { kind: 'internet'; ip: string }
  | { kind: 'instance'; ip: string; securityGroupIds: string[] };

export interface TargetSecurityGroup {
  id: string;
  name: string;
  rules: SecurityGroupRule[];
}

export interface ReachabilityTarget {
  instanceName: string;
  /** Nova status: ACTIVE instances answer, and so does one waiting in VERIFY_RESIZE (it runs on its new flavor). */
  status: string;
  /** Nova power state; a VERIFY_RESIZE instance answers only while RUNNING (a stopped one was resized stopped). */
  powerState?: string;
  floatingIp: string | null;
  privateIp: string;
  securityGroups: TargetSecurityGroup[];
  /**
   * Why the target's subnet has no route to an internet gateway ("routing table 'rt' of subnet 'a'
   * has no internet gateway"), or null/absent when it has one: traffic from the Internet needs it.
   */
  noInternetRoute?: string | null;
}

export interface ReachabilityQuery {
  source: TrafficSource;
  protocol: TrafficProtocol;
  /**
   * TCP/UDP destination port; without one only rules open to every port match.
   * For ICMP this is the ICMP type, defaulting to 8 (echo request, i.e. ping).
   */
  port?: number;
  target: ReachabilityTarget;
}

export type ReachabilityReasonCode = 'NO_FLOATING_IP' | 'NO_INTERNET_GATEWAY' | 'INSTANCE_NOT_RUNNING' | 'NO_MATCHING_RULE' | 'ALLOWED_BY_RULE';

export interface ReachabilityVerdict {
  allowed: boolean;
  reason: {
    code: ReachabilityReasonCode;
    message: string;
    rule?: { groupName: string; ruleId: string; summary: string };
  };
}

const ICMP_ECHO_REQUEST = 8;

/** Short summary like "Ingress IPv4 TCP 22 from 0.0.0.0/0"; pass group names to show them instead of ids. */
export function describeRule(rule: SecurityGroupRule, groupName?: (groupId: string) => string | undefined): string {
  const direction = rule.direction === 'ingress' ? 'Ingress' : 'Egress';
  const preposition = rule.direction === 'ingress' ? 'from' : 'to';
  let remote: string;
  if (rule.remoteGroupId !== null) {
    remote = `members of ${groupName?.(rule.remoteGroupId) ?? rule.remoteGroupId}`;
  } else {
    // No prefix means every address; show it the way the OpenStack CLI does.
    remote = rule.remoteIpPrefix ?? (rule.etherType === 'IPv4' ? '0.0.0.0/0' : '::/0');
  }
  return `${direction} ${rule.etherType} ${describeTraffic(rule)} ${preposition} ${remote}`;
}

function describeTraffic(rule: SecurityGroupRule): string {
  const { protocol, portRangeMin: min, portRangeMax: max } = rule;
  if (protocol === null) return 'any protocol';
  if (protocol === 'icmp') {
    if (min === null) return 'ICMP';
    return max === null ? `ICMP type ${min}` : `ICMP type ${min} code ${max}`;
  }
  const name = protocol.toUpperCase();
  if (min === null || max === null) return `${name} any port`;
  return min === max ? `${name} ${min}` : `${name} ${min}-${max}`;
}

function describeQueryTraffic(protocol: TrafficProtocol, port: number | undefined): string {
  if (protocol === 'icmp') return port === undefined ? 'ICMP' : `ICMP type ${port}`;
  return port === undefined ? protocol.toUpperCase() : `${protocol.toUpperCase()} ${port}`;
}

export function matchesTraffic(rule: SecurityGroupRule, protocol: TrafficProtocol, port: number | undefined): boolean {
  if (rule.protocol === null) return true;
  if (rule.protocol !== protocol) return false;
  if (protocol === 'icmp') {
    const type = port ?? ICMP_ECHO_REQUEST;
    if (rule.portRangeMin === null) return true;
    // Echo requests (our only traffic) always carry code 0.
    return rule.portRangeMin === type && (rule.portRangeMax === null || rule.portRangeMax === 0);
  }
  if (rule.portRangeMin === null || rule.portRangeMax === null) return true;
  return port !== undefined && port >= rule.portRangeMin && port <= rule.portRangeMax;
}

function matchesSource(rule: SecurityGroupRule, source: TrafficSource): boolean {
  if (rule.remoteGroupId !== null) {
    // Group membership only exists between instances; internet hosts are in no group.
    return source.kind === 'instance' && source.securityGroupIds.includes(rule.remoteGroupId);
  }
  if (rule.remoteIpPrefix !== null) return cidrContains(rule.remoteIpPrefix, source.ip);
  return true;
}

/**
 * Decides whether `source` reaches the target. Checks, in order: the path (an
 * internet host needs a floating IP and a route to an internet gateway; an instance uses the
 * private network),
 * that the instance runs, then the ingress rules of all its groups (any match
 * wins; Neutron rules only ever allow). Throws on an invalid source address.
 */
export function checkReachability(query: ReachabilityQuery): ReachabilityVerdict {
  const { source, protocol, port, target } = query;
  const family = ipFamily(source.ip);
  if (family === null) throw new TypeError(`Source address ${source.ip} is not an IP address`);

  const traffic = describeQueryTraffic(protocol, port);
  const name = target.instanceName;

  if (source.kind === 'internet' && target.floatingIp === null) {
    return deny(
      'NO_FLOATING_IP',
      `${name} has no floating IP, so ${traffic} from ${source.ip} on the internet cannot reach it; ` +
        `its private address ${target.privateIp} is only routed inside its network. Associate a floating IP first.`,
    );
  }
  if (source.kind === 'internet' && target.noInternetRoute) {
    return deny(
      'NO_INTERNET_GATEWAY',
      `${traffic} from ${source.ip} to ${target.floatingIp} gets no answer from ${name}: no route to an internet gateway ` +
        `(${target.noInternetRoute}). Attach the internet gateway to the routing table of its subnet.`,
    );
  }
  if (!answers(target)) {
    return deny('INSTANCE_NOT_RUNNING', `${name} is ${target.status}, not ACTIVE, so nothing answers ${traffic} from ${source.ip}.`);
  }

  const groupNames = new Map(target.securityGroups.map((group) => [group.id, group.name]));
  for (const group of target.securityGroups) {
    const match = group.rules.find(
      (rule) =>
        rule.direction === 'ingress' &&
        rule.etherType === family &&
        matchesTraffic(rule, protocol, port) &&
        matchesSource(rule, source),
    );
    if (match) {
      const summary = describeRule(match, (id) => groupNames.get(id));
      return {
        allowed: true,
        reason: {
          code: 'ALLOWED_BY_RULE',
          message: `Security group ${group.name} allows ${traffic} from ${source.ip} to ${name} (${summary}).`,
          rule: { groupName: group.name, ruleId: match.id, summary },
        },
      };
    }
  }

  if (target.securityGroups.length === 0) {
    return deny('NO_MATCHING_RULE', `${name} is in no security group, so all incoming traffic is dropped, including ${traffic} from ${source.ip}.`);
  }
  const names = target.securityGroups.map((group) => group.name).join(', ');
  return deny('NO_MATCHING_RULE', `No ingress rule in security groups ${names} allows ${traffic} from ${source.ip} to ${name}.`);
}

/** Whether the instance's guest runs: ACTIVE, or VERIFY_RESIZE on a running machine (Nova boots it on the new flavor). */
function answers(target: Pick<ReachabilityTarget, 'status' | 'powerState'>): boolean {
  if (target.status === 'ACTIVE') return true;
  return target.status === 'VERIFY_RESIZE' && target.powerState !== 'SHUTDOWN';
}

function deny(code: Exclude<ReachabilityReasonCode, 'ALLOWED_BY_RULE'>, message: string): ReachabilityVerdict {
  return { allowed: false, reason: { code, message } };
}

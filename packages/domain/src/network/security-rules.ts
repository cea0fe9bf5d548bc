// The Neutron security-group-rule model: validation with messages a learner can
// act on, canonical form, duplicate detection and the default group's rules.
// Pure rules, so the engine enforces them and the console can check a form with
// the very same code before sending it. Rule templates build on this file
// (`rule-templates.ts`); this file never imports them, so the two form no cycle.
import { IP_FAMILIES, parseCidr } from './cidr.ts';

export const RULE_DIRECTIONS = ['ingress', 'egress'] as const;
export type RuleDirection = (typeof RULE_DIRECTIONS)[number];

/** Neutron's ether types are the address families. */
export const ETHER_TYPES = IP_FAMILIES;
export type EtherType = (typeof ETHER_TYPES)[number];

/** Protocols a rule can name; a rule with protocol null admits any protocol. */
export const RULE_PROTOCOLS = ['tcp', 'udp', 'icmp'] as const;
/** null means any protocol. For IPv6 rules 'icmp' stands for ICMPv6 (Neutron converts it the same way). */
export type RuleProtocol = (typeof RULE_PROTOCOLS)[number] | null;

/** The address range meaning "everywhere" for each ether type (the dialog's default remote). */
export const ANY_ADDRESS: Readonly<Record<EtherType, string>> = { IPv4: '0.0.0.0/0', IPv6: '::/0' };

export interface SecurityGroupRule {
  id: string;
  securityGroupId: string;
  direction: RuleDirection;
  etherType: EtherType;
  protocol: RuleProtocol;
  /** TCP/UDP: first port. ICMP: the ICMP type. null = any. */
  portRangeMin: number | null;
  /** TCP/UDP: last port. ICMP: the ICMP code. null = any. */
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  remoteGroupId: string | null;
  description: string;
}

/** What a user submits: the stored rule minus server-assigned fields. */
export type SecurityGroupRuleDraft = Omit<SecurityGroupRule, 'id' | 'securityGroupId' | 'description'> & {
  description?: string;
};

export type RuleField = keyof SecurityGroupRuleDraft;

export interface RuleProblem {
  field: RuleField;
  message: string;
}

const MAX_DESCRIPTION_LENGTH = 255; // Neutron's column size

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => (list as readonly unknown[]).includes(value);

const isWholeNumberIn = (value: number, min: number, max: number): boolean =>
  Number.isInteger(value) && value >= min && value <= max;

function portProblems(draft: SecurityGroupRuleDraft): RuleProblem[] {
  const { portRangeMin: min, portRangeMax: max } = draft;
  const problems: RuleProblem[] = [];
  const bothEmpty = min === null && max === null;
  if (bothEmpty) return problems;

  if (draft.protocol === 'tcp' || draft.protocol === 'udp') {
    const name = draft.protocol.toUpperCase();
    if (min !== null && !isWholeNumberIn(min, 1, 65535)) {
      problems.push({ field: 'portRangeMin', message: `${name} port ${min} is invalid: ports are whole numbers from 1 to 65535` });
    }
    if (max !== null && !isWholeNumberIn(max, 1, 65535)) {
      problems.push({ field: 'portRangeMax', message: `${name} port ${max} is invalid: ports are whole numbers from 1 to 65535` });
    }
    // Neutron rejects a half-open range instead of guessing what was meant.
    if (min === null || max === null) {
      problems.push({
        field: min === null ? 'portRangeMin' : 'portRangeMax',
        message: 'Set both the minimum and the maximum port (use the same number for a single port)',
      });
    } else if (problems.length === 0 && min > max) {
      problems.push({ field: 'portRangeMax', message: `The port range is reversed: maximum port ${max} is lower than minimum port ${min}` });
    }
    return problems;
  }

  if (draft.protocol === 'icmp') {
    if (min !== null && !isWholeNumberIn(min, 0, 255)) {
      problems.push({ field: 'portRangeMin', message: `ICMP type ${min} is invalid: types are whole numbers from 0 to 255` });
    }
    if (max !== null && !isWholeNumberIn(max, 0, 255)) {
      problems.push({ field: 'portRangeMax', message: `ICMP code ${max} is invalid: codes are whole numbers from 0 to 255` });
    }
    // A code only means something within a type (code 0 of type 8 = echo request).
    if (min === null && max !== null) {
      problems.push({ field: 'portRangeMin', message: `ICMP code ${max} is set but the ICMP type is missing; a code needs a type (e.g. type 8 for ping)` });
    }
    return problems;
  }

  // Any-protocol rules cannot carry ports: most protocols have none.
  for (const field of ['portRangeMin', 'portRangeMax'] as const) {
    if (draft[field] !== null) {
      problems.push({ field, message: 'Ports can only be set for TCP or UDP (and type/code for ICMP); choose a protocol first' });
    }
  }
  return problems;
}

function remoteProblems(draft: SecurityGroupRuleDraft): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (draft.remoteIpPrefix !== null) {
    const parsed = parseCidr(draft.remoteIpPrefix);
    if (!parsed.ok) {
      problems.push({ field: 'remoteIpPrefix', message: parsed.message });
    } else if (parsed.cidr.family !== draft.etherType && isOneOf(ETHER_TYPES, draft.etherType)) {
      problems.push({
        field: 'remoteIpPrefix',
        message: `${draft.remoteIpPrefix.trim()} is an ${parsed.cidr.family} CIDR but the rule's ether type is ${draft.etherType}`,
      });
    }
  }
  if (draft.remoteGroupId !== null && draft.remoteGroupId.trim() === '') {
    problems.push({ field: 'remoteGroupId', message: 'The remote security group id is empty' });
  }
  if (draft.remoteIpPrefix !== null && draft.remoteGroupId !== null) {
    problems.push({ field: 'remoteGroupId', message: 'Choose either a remote CIDR or a remote security group, not both' });
  }
  return problems;
}

/**
 * Every problem with a draft rule (empty list = valid). Also checks the enum
 * fields at run time, since drafts arrive from HTTP bodies.
 */
export function validateRule(draft: SecurityGroupRuleDraft): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isOneOf(RULE_DIRECTIONS, draft.direction)) {
    problems.push({ field: 'direction', message: `Direction must be "ingress" or "egress", not "${String(draft.direction)}"` });
  }
  if (!isOneOf(ETHER_TYPES, draft.etherType)) {
    problems.push({ field: 'etherType', message: `Ether type must be IPv4 or IPv6, not "${String(draft.etherType)}"` });
  }
  if (draft.protocol !== null && !isOneOf(RULE_PROTOCOLS, draft.protocol)) {
    problems.push({ field: 'protocol', message: `Protocol must be tcp, udp, icmp or empty for any protocol, not "${String(draft.protocol)}"` });
    return problems; // port checks depend on a known protocol
  }
  problems.push(...portProblems(draft), ...remoteProblems(draft));
  if ((draft.description ?? '').length > MAX_DESCRIPTION_LENGTH) {
    problems.push({ field: 'description', message: `The description is longer than ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  return problems;
}

/**
 * Canonical form of a valid rule, as Neutron stores it: a bare address becomes
 * a /32 or /128 and the CIDR is written canonically ("2001:0DB8::/32" ->
 * "2001:db8::/32"). Fields that fail validation are left untouched.
 */
export function normalizeRule<T extends SecurityGroupRuleDraft>(rule: T): T {
  let remoteIpPrefix = rule.remoteIpPrefix;
  if (remoteIpPrefix !== null) {
    const parsed = parseCidr(remoteIpPrefix);
    if (parsed.ok) remoteIpPrefix = parsed.cidr.normalized;
  }
  return { ...rule, remoteIpPrefix, description: (rule.description ?? '').trim() };
}

/** The fields that decide which traffic a rule admits, in a comparable form. */
function ruleKey(rule: SecurityGroupRuleDraft): string {
  const canonical = normalizeRule(rule);
  // Like Neutron, "no prefix" and the all-addresses prefix admit the same traffic.
  const remotePrefix =
    canonical.remoteIpPrefix === ANY_ADDRESS.IPv4 || canonical.remoteIpPrefix === ANY_ADDRESS.IPv6 ? null : canonical.remoteIpPrefix;
  // TCP/UDP 1-65535 is every port, the same as leaving the range empty.
  const allPorts =
    (canonical.protocol === 'tcp' || canonical.protocol === 'udp') &&
    canonical.portRangeMin === 1 &&
    canonical.portRangeMax === 65535;
  return JSON.stringify([
    canonical.direction,
    canonical.etherType,
    canonical.protocol,
    allPorts ? null : canonical.portRangeMin,
    allPorts ? null : canonical.portRangeMax,
    remotePrefix,
    canonical.remoteGroupId,
  ]);
}

/**
 * True when two rules admit the same traffic, i.e. Neutron would refuse the
 * second with 409 Conflict. Ids and descriptions are ignored; callers compare
 * rules of the same security group.
 */
export function sameRule(a: SecurityGroupRuleDraft, b: SecurityGroupRuleDraft): boolean {
  return ruleKey(a) === ruleKey(b);
}

/** The existing rule a draft would duplicate, if any (to name it in the 409). */
export function findDuplicateRule(
  existing: readonly SecurityGroupRule[],
  draft: SecurityGroupRuleDraft,
): SecurityGroupRule | undefined {
  const key = ruleKey(draft);
  return existing.find((rule) => ruleKey(rule) === key);
}

/**
 * The four rules Neutron puts in every project's "default" group: all egress
 * allowed, and ingress only from ports in the same group. So instances in
 * "default" talk to each other but nothing from the internet gets in.
 */
export function defaultSecurityGroupRules(groupId: string, newRuleId: () => string = () => crypto.randomUUID()): SecurityGroupRule[] {
  const etherTypes: readonly EtherType[] = ETHER_TYPES;
  const rule = (direction: RuleDirection, etherType: EtherType, remoteGroupId: string | null): SecurityGroupRule => ({
    id: newRuleId(),
    securityGroupId: groupId,
    direction,
    etherType,
    protocol: null,
    portRangeMin: null,
    portRangeMax: null,
    remoteIpPrefix: null,
    remoteGroupId,
    description: '',
  });
  return [
    ...etherTypes.map((etherType) => rule('egress', etherType, null)),
    ...etherTypes.map((etherType) => rule('ingress', etherType, groupId)),
  ];
}

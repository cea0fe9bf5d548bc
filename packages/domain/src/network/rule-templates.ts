// The "Rule" choices of the add-rule dialog (as in Horizon): well-known
// services pre-fill protocol and ports; the custom-* entries let the user type them.
// Depends on the rule model (`security-rules.ts`), which does not depend on it.
import { ANY_ADDRESS, type EtherType, type RuleDirection, type RuleProtocol, type SecurityGroupRuleDraft } from './security-rules.ts';

export const RULE_TEMPLATE_IDS = [
  'all-icmp', 'all-tcp', 'all-udp', 'ssh', 'http', 'https', 'dns', 'smtp', 'mysql', 'ms-sql', 'postgresql', 'rdp', 'custom-tcp', 'custom-udp', 'custom-icmp',
] as const;
export type RuleTemplateId = (typeof RULE_TEMPLATE_IDS)[number];

export interface RuleTemplate {
  id: RuleTemplateId;
  label: string;
  protocol: Exclude<RuleProtocol, null>;
  /** Fixed ports (or ICMP type/code); null with customizable=false means "all". */
  portRangeMin: number | null;
  portRangeMax: number | null;
  /** True when the user supplies the ports / ICMP type and code. */
  customizable: boolean;
}

const service = (id: RuleTemplateId, label: string, protocol: 'tcp' | 'udp', port: number): RuleTemplate => ({
  id,
  label,
  protocol,
  portRangeMin: port,
  portRangeMax: port,
  customizable: false,
});

export const RULE_TEMPLATES: readonly RuleTemplate[] = [
  // "All" stores an empty range, which is how Neutron represents every port/type.
  { id: 'all-icmp', label: 'ALL ICMP', protocol: 'icmp', portRangeMin: null, portRangeMax: null, customizable: false },
  { id: 'all-tcp', label: 'ALL TCP', protocol: 'tcp', portRangeMin: null, portRangeMax: null, customizable: false },
  { id: 'all-udp', label: 'ALL UDP', protocol: 'udp', portRangeMin: null, portRangeMax: null, customizable: false },
  service('ssh', 'SSH', 'tcp', 22),
  service('http', 'HTTP', 'tcp', 80),
  service('https', 'HTTPS', 'tcp', 443),
  // UDP because ordinary DNS queries and answers travel over UDP; TCP 53 is only
  // used for oversized answers and zone transfers, so a DNS server needs UDP first.
  service('dns', 'DNS', 'udp', 53),
  service('smtp', 'SMTP', 'tcp', 25),
  service('mysql', 'MySQL', 'tcp', 3306),
  service('ms-sql', 'MS SQL', 'tcp', 1433),
  service('postgresql', 'PostgreSQL', 'tcp', 5432),
  service('rdp', 'RDP', 'tcp', 3389),
  { id: 'custom-tcp', label: 'Custom TCP Rule', protocol: 'tcp', portRangeMin: null, portRangeMax: null, customizable: true },
  { id: 'custom-udp', label: 'Custom UDP Rule', protocol: 'udp', portRangeMin: null, portRangeMax: null, customizable: true },
  { id: 'custom-icmp', label: 'Custom ICMP Rule', protocol: 'icmp', portRangeMin: null, portRangeMax: null, customizable: true },
];

export interface TemplateChoices {
  direction?: RuleDirection;
  etherType?: EtherType;
  remoteIpPrefix?: string | null;
  remoteGroupId?: string | null;
  /** Only used by custom-* templates: ports, or ICMP type/code. */
  portRangeMin?: number | null;
  portRangeMax?: number | null;
  description?: string;
}

/**
 * A draft rule from a template plus the dialog's other choices. Defaults match
 * the dialog: ingress, IPv4, from 0.0.0.0/0. Validate the result as usual.
 */
export function draftFromTemplate(id: RuleTemplateId, choices: TemplateChoices = {}): SecurityGroupRuleDraft {
  const template = RULE_TEMPLATES.find((candidate) => candidate.id === id);
  if (!template) throw new Error(`Unknown rule template "${id}"`);
  const etherType = choices.etherType ?? 'IPv4';
  const remoteGroupId = choices.remoteGroupId ?? null;
  const anyAddress = ANY_ADDRESS[etherType];
  return {
    direction: choices.direction ?? 'ingress',
    etherType,
    protocol: template.protocol,
    portRangeMin: template.customizable ? (choices.portRangeMin ?? null) : template.portRangeMin,
    portRangeMax: template.customizable ? (choices.portRangeMax ?? null) : template.portRangeMax,
    remoteIpPrefix: choices.remoteIpPrefix !== undefined ? choices.remoteIpPrefix : remoteGroupId ? null : anyAddress,
    remoteGroupId,
    description: choices.description ?? '',
  };
}

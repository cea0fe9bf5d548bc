import { describe, expect, it } from 'vitest';
import {
  defaultSecurityGroupRules,
  findDuplicateRule,
  normalizeRule,
  sameRule,
  validateRule,
  type SecurityGroupRule,
  type SecurityGroupRuleDraft,
} from './security-rules.ts';

const draft = (overrides: Partial<SecurityGroupRuleDraft> = {}): SecurityGroupRuleDraft => ({
  direction: 'ingress',
  etherType: 'IPv4',
  protocol: 'tcp',
  portRangeMin: 22,
  portRangeMax: 22,
  remoteIpPrefix: '0.0.0.0/0',
  remoteGroupId: null,
  ...overrides,
});

const messagesFor = (rule: SecurityGroupRuleDraft): string[] => validateRule(rule).map((p) => `${p.field}: ${p.message}`);

describe('validateRule', () => {
  it.each([
    draft(),
    draft({ portRangeMin: 8000, portRangeMax: 8080 }),
    draft({ protocol: 'udp', portRangeMin: 1, portRangeMax: 65535 }),
    draft({ protocol: 'tcp', portRangeMin: null, portRangeMax: null }),
    draft({ protocol: 'icmp', portRangeMin: null, portRangeMax: null }),
    draft({ protocol: 'icmp', portRangeMin: 8, portRangeMax: null }),
    draft({ protocol: 'icmp', portRangeMin: 0, portRangeMax: 0 }),
    draft({ protocol: null, portRangeMin: null, portRangeMax: null, remoteIpPrefix: null }),
    draft({ etherType: 'IPv6', remoteIpPrefix: '::/0' }),
    draft({ remoteIpPrefix: null, remoteGroupId: 'sg-web' }),
    draft({ direction: 'egress', remoteIpPrefix: '10.0.0.7' }),
  ])('accepts a valid rule (%#)', (rule) => {
    expect(validateRule(rule)).toEqual([]);
  });

  it.each([0, 65536, -1, 22.5, Number.NaN])('rejects TCP port %s', (port) => {
    expect(messagesFor(draft({ portRangeMin: port, portRangeMax: 22 }))).toEqual([
      `portRangeMin: TCP port ${port} is invalid: ports are whole numbers from 1 to 65535`,
    ]);
    expect(messagesFor(draft({ protocol: 'udp', portRangeMin: 53, portRangeMax: port }))).toEqual([
      `portRangeMax: UDP port ${port} is invalid: ports are whole numbers from 1 to 65535`,
    ]);
  });

  it('rejects a reversed port range', () => {
    expect(messagesFor(draft({ portRangeMin: 80, portRangeMax: 20 }))).toEqual([
      'portRangeMax: The port range is reversed: maximum port 20 is lower than minimum port 80',
    ]);
  });

  it('requires both ends of a TCP/UDP range', () => {
    const needsBoth = 'Set both the minimum and the maximum port (use the same number for a single port)';
    expect(messagesFor(draft({ portRangeMin: 22, portRangeMax: null }))).toEqual([`portRangeMax: ${needsBoth}`]);
    expect(messagesFor(draft({ protocol: 'udp', portRangeMin: null, portRangeMax: 53 }))).toEqual([`portRangeMin: ${needsBoth}`]);
  });

  it('allows ports only when a protocol is chosen', () => {
    expect(messagesFor(draft({ protocol: null, portRangeMin: 22, portRangeMax: 22 }))).toEqual([
      'portRangeMin: Ports can only be set for TCP or UDP (and type/code for ICMP); choose a protocol first',
      'portRangeMax: Ports can only be set for TCP or UDP (and type/code for ICMP); choose a protocol first',
    ]);
  });

  it('checks ICMP type and code ranges', () => {
    expect(messagesFor(draft({ protocol: 'icmp', portRangeMin: 256, portRangeMax: 0 }))).toEqual([
      'portRangeMin: ICMP type 256 is invalid: types are whole numbers from 0 to 255',
    ]);
    expect(messagesFor(draft({ protocol: 'icmp', portRangeMin: 3, portRangeMax: 300 }))).toEqual([
      'portRangeMax: ICMP code 300 is invalid: codes are whole numbers from 0 to 255',
    ]);
    expect(messagesFor(draft({ protocol: 'icmp', portRangeMin: -1, portRangeMax: null }))).toHaveLength(1);
  });

  it('requires an ICMP type when a code is given', () => {
    expect(messagesFor(draft({ protocol: 'icmp', portRangeMin: null, portRangeMax: 0 }))).toEqual([
      'portRangeMin: ICMP code 0 is set but the ICMP type is missing; a code needs a type (e.g. type 8 for ping)',
    ]);
  });

  it('explains host bits in the remote CIDR', () => {
    expect(messagesFor(draft({ remoteIpPrefix: '10.0.0.5/24' }))).toEqual([
      'remoteIpPrefix: 10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?',
    ]);
  });

  it('reports an unparsable remote CIDR', () => {
    const [problem, ...rest] = validateRule(draft({ remoteIpPrefix: '10.0.0.0/40' }));
    expect(rest).toEqual([]);
    expect(problem?.field).toBe('remoteIpPrefix');
    expect(problem?.message).toContain('0 to 32');
  });

  it('requires the CIDR family to match the ether type', () => {
    expect(messagesFor(draft({ etherType: 'IPv6', remoteIpPrefix: '0.0.0.0/0' }))).toEqual([
      "remoteIpPrefix: 0.0.0.0/0 is an IPv4 CIDR but the rule's ether type is IPv6",
    ]);
    expect(messagesFor(draft({ etherType: 'IPv4', remoteIpPrefix: '2001:db8::/32' }))).toEqual([
      "remoteIpPrefix: 2001:db8::/32 is an IPv6 CIDR but the rule's ether type is IPv4",
    ]);
  });

  it('refuses a remote CIDR together with a remote group', () => {
    expect(messagesFor(draft({ remoteIpPrefix: '10.0.0.0/8', remoteGroupId: 'sg-web' }))).toEqual([
      'remoteGroupId: Choose either a remote CIDR or a remote security group, not both',
    ]);
  });

  it('refuses an empty remote group id', () => {
    expect(messagesFor(draft({ remoteIpPrefix: null, remoteGroupId: ' ' }))).toEqual([
      'remoteGroupId: The remote security group id is empty',
    ]);
  });

  it('checks enum fields that may arrive unchecked from HTTP', () => {
    const bad = { ...draft(), direction: 'inbound', etherType: 'IPv5', protocol: 'gre' } as unknown as SecurityGroupRuleDraft;
    expect(messagesFor(bad)).toEqual([
      'direction: Direction must be "ingress" or "egress", not "inbound"',
      'etherType: Ether type must be IPv4 or IPv6, not "IPv5"',
      'protocol: Protocol must be tcp, udp, icmp or empty for any protocol, not "gre"',
    ]);
  });

  it('limits the description to 255 characters', () => {
    expect(validateRule(draft({ description: 'x'.repeat(255) }))).toEqual([]);
    expect(messagesFor(draft({ description: 'x'.repeat(256) }))).toEqual([
      'description: The description is longer than 255 characters',
    ]);
  });
});

describe('normalizeRule', () => {
  it('writes the remote CIDR canonically and trims the description', () => {
    expect(normalizeRule(draft({ remoteIpPrefix: '203.0.113.5', description: '  office  ' }))).toEqual(
      draft({ remoteIpPrefix: '203.0.113.5/32', description: 'office' }),
    );
    expect(normalizeRule(draft({ etherType: 'IPv6', remoteIpPrefix: '2001:0DB8:0::/32' })).remoteIpPrefix).toBe('2001:db8::/32');
  });

  it('leaves an invalid CIDR for validateRule to report', () => {
    expect(normalizeRule(draft({ remoteIpPrefix: '10.0.0.5/24' })).remoteIpPrefix).toBe('10.0.0.5/24');
  });

  it('keeps the other fields of a stored rule', () => {
    const stored: SecurityGroupRule = { ...draft(), id: 'r1', securityGroupId: 'sg1', description: '' };
    expect(normalizeRule(stored)).toEqual(stored);
  });
});

describe('duplicate detection', () => {
  it('treats the same traffic as a duplicate', () => {
    expect(sameRule(draft(), draft({ description: 'different words' }))).toBe(true);
    expect(sameRule(draft({ remoteIpPrefix: '203.0.113.5' }), draft({ remoteIpPrefix: '203.0.113.5/32' }))).toBe(true);
    // Neutron: no prefix and the all-addresses prefix admit the same sources.
    expect(sameRule(draft({ remoteIpPrefix: null }), draft({ remoteIpPrefix: '0.0.0.0/0' }))).toBe(true);
    expect(sameRule(draft({ etherType: 'IPv6', remoteIpPrefix: null }), draft({ etherType: 'IPv6', remoteIpPrefix: '::/0' }))).toBe(true);
    expect(sameRule(draft({ portRangeMin: 1, portRangeMax: 65535 }), draft({ portRangeMin: null, portRangeMax: null }))).toBe(true);
  });

  it.each([
    ['direction', { direction: 'egress' }],
    ['ether type', { etherType: 'IPv6', remoteIpPrefix: '::/0' }],
    ['protocol', { protocol: 'udp' }],
    ['port range min', { portRangeMin: 21 }],
    ['port range max', { portRangeMax: 23 }],
    ['remote CIDR', { remoteIpPrefix: '10.0.0.0/8' }],
    ['remote group', { remoteIpPrefix: null, remoteGroupId: 'sg-web' }],
  ] as const)('tells rules apart by %s', (_name, change) => {
    expect(sameRule(draft(), draft(change))).toBe(false);
  });

  it('finds the existing rule a draft would duplicate', () => {
    const existing: SecurityGroupRule[] = [
      { ...draft({ portRangeMin: 80, portRangeMax: 80 }), id: 'http', securityGroupId: 'sg', description: '' },
      { ...draft(), id: 'ssh', securityGroupId: 'sg', description: 'admin' },
    ];
    expect(findDuplicateRule(existing, draft({ remoteIpPrefix: null }))?.id).toBe('ssh');
    expect(findDuplicateRule(existing, draft({ portRangeMin: 443, portRangeMax: 443 }))).toBeUndefined();
  });
});

describe('defaultSecurityGroupRules', () => {
  it("builds exactly Neutron's default group", () => {
    let counter = 0;
    const rules = defaultSecurityGroupRules('sg-default', () => `rule-${++counter}`);
    const any = { protocol: null, portRangeMin: null, portRangeMax: null, remoteIpPrefix: null, description: '', securityGroupId: 'sg-default' };
    expect(rules).toEqual([
      { ...any, id: 'rule-1', direction: 'egress', etherType: 'IPv4', remoteGroupId: null },
      { ...any, id: 'rule-2', direction: 'egress', etherType: 'IPv6', remoteGroupId: null },
      { ...any, id: 'rule-3', direction: 'ingress', etherType: 'IPv4', remoteGroupId: 'sg-default' },
      { ...any, id: 'rule-4', direction: 'ingress', etherType: 'IPv6', remoteGroupId: 'sg-default' },
    ]);
    for (const rule of rules) expect(validateRule(rule)).toEqual([]);
  });

  it('gives the rules unique UUIDs by default', () => {
    const ids = defaultSecurityGroupRules('sg').map((rule) => rule.id);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

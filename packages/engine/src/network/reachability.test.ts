import { describe, expect, it } from 'vitest';
import { checkReachability, describeRule, type ReachabilityQuery, type ReachabilityTarget } from './reachability.ts';
import { defaultSecurityGroupRules, type SecurityGroupRule } from '@sandcloud/domain';

let ruleCounter = 0;
const rule = (overrides: Partial<SecurityGroupRule> = {}): SecurityGroupRule => ({
  id: `rule-${++ruleCounter}`,
  securityGroupId: 'sg-web',
  direction: 'ingress',
  etherType: 'IPv4',
  protocol: 'tcp',
  portRangeMin: 22,
  portRangeMax: 22,
  remoteIpPrefix: '0.0.0.0/0',
  remoteGroupId: null,
  description: '',
  ...overrides,
});

const DEFAULT_GROUP = { id: 'sg-default', name: 'default', rules: defaultSecurityGroupRules('sg-default') };

const target = (overrides: Partial<ReachabilityTarget> = {}): ReachabilityTarget => ({
  instanceName: 'web-1',
  status: 'ACTIVE',
  floatingIp: '203.0.113.20',
  privateIp: '192.168.0.4',
  securityGroups: [DEFAULT_GROUP],
  ...overrides,
});

const fromInternet = (protocol: ReachabilityQuery['protocol'], port: number | undefined, t: ReachabilityTarget, ip = '198.51.100.7') =>
  checkReachability({ source: { kind: 'internet', ip }, protocol, port, target: t });

describe('checkReachability: path and instance state', () => {
  it('needs a floating IP for internet traffic (NO_FLOATING_IP)', () => {
    const verdict = fromInternet('tcp', 22, target({ floatingIp: null }));
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason.code).toBe('NO_FLOATING_IP');
    expect(verdict.reason.message).toContain('web-1 has no floating IP');
    expect(verdict.reason.message).toContain('192.168.0.4');
  });

  it('lets a running instance waiting in VERIFY_RESIZE answer like an ACTIVE one (its guest runs on the new flavor)', () => {
    const verdict = fromInternet('tcp', 22, target({ status: 'VERIFY_RESIZE', powerState: 'RUNNING', securityGroups: [{ id: 'sg-ssh', name: 'ssh', rules: [rule()] }] }));
    expect(verdict.allowed).toBe(true);
    expect(verdict.reason.code).toBe('ALLOWED_BY_RULE');
  });

  it('refuses an instance resized while stopped (VERIFY_RESIZE, SHUTDOWN)', () => {
    const verdict = fromInternet('tcp', 22, target({ status: 'VERIFY_RESIZE', powerState: 'SHUTDOWN', securityGroups: [{ id: 'sg-ssh', name: 'ssh', rules: [rule()] }] }));
    expect(verdict.reason).toEqual({
      code: 'INSTANCE_NOT_RUNNING',
      message: 'web-1 is VERIFY_RESIZE, not ACTIVE, so nothing answers TCP 22 from 198.51.100.7.',
    });
  });

  it('does not need a floating IP between instances', () => {
    const verdict = checkReachability({
      source: { kind: 'instance', ip: '192.168.0.5', securityGroupIds: ['sg-default'] },
      protocol: 'tcp',
      port: 22,
      target: target({ floatingIp: null }),
    });
    expect(verdict.allowed).toBe(true);
  });

  it.each(['SHUTOFF', 'BUILD', 'ERROR', 'PAUSED'])('refuses a %s instance (INSTANCE_NOT_RUNNING)', (status) => {
    const open = { id: 'sg-open', name: 'open', rules: [rule({ protocol: null, portRangeMin: null, portRangeMax: null })] };
    const verdict = fromInternet('tcp', 22, target({ status, securityGroups: [open] }));
    expect(verdict).toEqual({
      allowed: false,
      reason: { code: 'INSTANCE_NOT_RUNNING', message: `web-1 is ${status}, not ACTIVE, so nothing answers TCP 22 from 198.51.100.7.` },
    });
  });
});

describe('checkReachability: the default security group', () => {
  it('blocks ingress from the internet (NO_MATCHING_RULE)', () => {
    expect(fromInternet('tcp', 22, target())).toEqual({
      allowed: false,
      reason: { code: 'NO_MATCHING_RULE', message: 'No ingress rule in security groups default allows TCP 22 from 198.51.100.7 to web-1.' },
    });
    expect(fromInternet('icmp', undefined, target()).reason.code).toBe('NO_MATCHING_RULE');
  });

  it('allows every protocol from members of the same group (ALLOWED_BY_RULE)', () => {
    for (const [protocol, port] of [['tcp', 5432], ['udp', 53], ['icmp', undefined]] as const) {
      const verdict = checkReachability({
        source: { kind: 'instance', ip: '192.168.0.9', securityGroupIds: ['sg-default'] },
        protocol,
        port,
        target: target(),
      });
      expect(verdict.allowed).toBe(true);
      expect(verdict.reason.code).toBe('ALLOWED_BY_RULE');
      expect(verdict.reason.rule).toEqual({
        groupName: 'default',
        ruleId: DEFAULT_GROUP.rules[2]?.id,
        summary: 'Ingress IPv4 any protocol from members of default',
      });
    }
  });

  it('blocks instances that are not in the group', () => {
    const verdict = checkReachability({
      source: { kind: 'instance', ip: '192.168.0.9', securityGroupIds: ['sg-other'] },
      protocol: 'tcp',
      port: 22,
      target: target(),
    });
    expect(verdict.reason.code).toBe('NO_MATCHING_RULE');
  });
});

describe('checkReachability: rule matching', () => {
  const web = (rules: SecurityGroupRule[]) => target({ securityGroups: [DEFAULT_GROUP, { id: 'sg-web', name: 'web', rules }] });

  it('names the matching group and rule', () => {
    const ssh = rule();
    const verdict = fromInternet('tcp', 22, web([ssh]));
    expect(verdict).toEqual({
      allowed: true,
      reason: {
        code: 'ALLOWED_BY_RULE',
        message: 'Security group web allows TCP 22 from 198.51.100.7 to web-1 (Ingress IPv4 TCP 22 from 0.0.0.0/0).',
        rule: { groupName: 'web', ruleId: ssh.id, summary: 'Ingress IPv4 TCP 22 from 0.0.0.0/0' },
      },
    });
  });

  it('lists all groups when nothing matches', () => {
    expect(fromInternet('tcp', 80, web([rule()])).reason.message).toBe(
      'No ingress rule in security groups default, web allows TCP 80 from 198.51.100.7 to web-1.',
    );
  });

  it('explains an instance without security groups', () => {
    const verdict = fromInternet('tcp', 22, target({ securityGroups: [] }));
    expect(verdict.reason.code).toBe('NO_MATCHING_RULE');
    expect(verdict.reason.message).toContain('web-1 is in no security group');
  });

  it('matches port ranges inclusively', () => {
    const range = web([rule({ portRangeMin: 8000, portRangeMax: 8080 })]);
    expect(fromInternet('tcp', 8000, range).allowed).toBe(true);
    expect(fromInternet('tcp', 8080, range).allowed).toBe(true);
    expect(fromInternet('tcp', 7999, range).allowed).toBe(false);
    expect(fromInternet('tcp', 8081, range).allowed).toBe(false);
    // Without a port only an all-ports rule can be relied on.
    expect(fromInternet('tcp', undefined, range).allowed).toBe(false);
    expect(fromInternet('tcp', undefined, web([rule({ portRangeMin: null, portRangeMax: null })])).allowed).toBe(true);
  });

  it('matches the protocol; a null protocol means any', () => {
    const udpDns = web([rule({ protocol: 'udp', portRangeMin: 53, portRangeMax: 53 })]);
    expect(fromInternet('udp', 53, udpDns).allowed).toBe(true);
    expect(fromInternet('tcp', 53, udpDns).allowed).toBe(false);
    const anything = web([rule({ protocol: null, portRangeMin: null, portRangeMax: null })]);
    expect(fromInternet('udp', 9999, anything).allowed).toBe(true);
    expect(fromInternet('icmp', undefined, anything).allowed).toBe(true);
  });

  it('matches ICMP: null type is any, otherwise ping is type 8 code 0', () => {
    expect(fromInternet('icmp', undefined, web([rule({ protocol: 'icmp', portRangeMin: null, portRangeMax: null })])).allowed).toBe(true);
    expect(fromInternet('icmp', undefined, web([rule({ protocol: 'icmp', portRangeMin: 8, portRangeMax: null })])).allowed).toBe(true);
    expect(fromInternet('icmp', undefined, web([rule({ protocol: 'icmp', portRangeMin: 8, portRangeMax: 0 })])).allowed).toBe(true);
    expect(fromInternet('icmp', undefined, web([rule({ protocol: 'icmp', portRangeMin: 0, portRangeMax: null })])).allowed).toBe(false);
    expect(fromInternet('icmp', undefined, web([rule({ protocol: 'icmp', portRangeMin: 8, portRangeMax: 1 })])).allowed).toBe(false);
    expect(fromInternet('icmp', 0, web([rule({ protocol: 'icmp', portRangeMin: 0, portRangeMax: null })])).allowed).toBe(true);
    expect(fromInternet('icmp', undefined, web([rule()])).reason.message).toContain('allows ICMP from');
  });

  it('matches the source against the remote CIDR', () => {
    const office = web([rule({ remoteIpPrefix: '198.51.100.0/24' })]);
    expect(fromInternet('tcp', 22, office, '198.51.100.200').allowed).toBe(true);
    expect(fromInternet('tcp', 22, office, '198.51.101.1').allowed).toBe(false);
    expect(fromInternet('tcp', 22, web([rule({ remoteIpPrefix: null })]), '192.0.2.1').allowed).toBe(true);
  });

  it('requires the rule ether type to match the source family', () => {
    const ipv6Only = web([rule({ etherType: 'IPv6', remoteIpPrefix: '::/0' })]);
    expect(fromInternet('tcp', 22, ipv6Only, '198.51.100.7').allowed).toBe(false);
    expect(fromInternet('tcp', 22, ipv6Only, '2001:db8::7').allowed).toBe(true);
    // A no-prefix IPv4 rule must not admit IPv6 sources either.
    expect(fromInternet('tcp', 22, web([rule({ remoteIpPrefix: null })]), '2001:db8::7').allowed).toBe(false);
  });

  it('ignores egress rules', () => {
    expect(fromInternet('tcp', 22, web([rule({ direction: 'egress' })])).allowed).toBe(false);
  });

  it('never lets a remote-group rule admit internet traffic', () => {
    expect(fromInternet('tcp', 22, web([rule({ remoteIpPrefix: null, remoteGroupId: 'sg-web' })])).allowed).toBe(false);
  });

  it('throws on an invalid source address', () => {
    expect(() => fromInternet('tcp', 22, target(), 'nowhere')).toThrow(TypeError);
  });
});

describe('describeRule', () => {
  it.each([
    [rule(), 'Ingress IPv4 TCP 22 from 0.0.0.0/0'],
    [rule({ portRangeMin: 8000, portRangeMax: 8080, remoteIpPrefix: '10.0.0.0/8' }), 'Ingress IPv4 TCP 8000-8080 from 10.0.0.0/8'],
    [rule({ protocol: 'udp', portRangeMin: null, portRangeMax: null }), 'Ingress IPv4 UDP any port from 0.0.0.0/0'],
    [rule({ protocol: 'icmp', portRangeMin: null, portRangeMax: null }), 'Ingress IPv4 ICMP from 0.0.0.0/0'],
    [rule({ protocol: 'icmp', portRangeMin: 8, portRangeMax: null }), 'Ingress IPv4 ICMP type 8 from 0.0.0.0/0'],
    [rule({ protocol: 'icmp', portRangeMin: 3, portRangeMax: 4 }), 'Ingress IPv4 ICMP type 3 code 4 from 0.0.0.0/0'],
    [rule({ direction: 'egress', etherType: 'IPv6', protocol: null, portRangeMin: null, portRangeMax: null, remoteIpPrefix: null }), 'Egress IPv6 any protocol to ::/0'],
    [rule({ remoteIpPrefix: null, remoteGroupId: 'sg-db' }), 'Ingress IPv4 TCP 22 from members of sg-db'],
  ])('%#: %s', (input, expected) => {
    expect(describeRule(input)).toBe(expected);
  });

  it('shows group names when given', () => {
    const names = new Map([['sg-db', 'database']]);
    expect(describeRule(rule({ remoteIpPrefix: null, remoteGroupId: 'sg-db' }), (id) => names.get(id))).toBe(
      'Ingress IPv4 TCP 22 from members of database',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { egressAllows } from './egress.ts';
import { defaultSecurityGroupRules } from '@sandcloud/domain';

describe('egress', () => {
  it('the default group lets everything out', () => {
    expect(egressAllows(defaultSecurityGroupRules('g'), 'tcp', 80, '192.168.0.9')).toBe(true);
    expect(egressAllows(defaultSecurityGroupRules('g'), 'icmp', undefined, '8.8.8.8')).toBe(true);
  });

  it('a group without egress rules lets nothing out', () => {
    const ingressOnly = defaultSecurityGroupRules('g').filter((rule) => rule.direction === 'ingress');
    expect(egressAllows(ingressOnly, 'tcp', 80, '192.168.0.9')).toBe(false);
  });

  it('honours ports, prefixes and remote groups', () => {
    const base = { id: 'r', securityGroupId: 'g', direction: 'egress' as const, etherType: 'IPv4' as const, description: '', remoteGroupId: null };
    const web = [{ ...base, protocol: 'tcp' as const, portRangeMin: 80, portRangeMax: 80, remoteIpPrefix: '10.0.0.0/8' }];
    expect(egressAllows(web, 'tcp', 80, '10.1.2.3')).toBe(true);
    expect(egressAllows(web, 'tcp', 443, '10.1.2.3')).toBe(false);
    expect(egressAllows(web, 'tcp', 80, '192.168.0.9')).toBe(false);
    const toGroup = [{ ...base, protocol: null, portRangeMin: null, portRangeMax: null, remoteIpPrefix: null, remoteGroupId: 'db' }];
    expect(egressAllows(toGroup, 'tcp', 5432, '192.168.0.9', ['db'])).toBe(true);
    expect(egressAllows(toGroup, 'tcp', 5432, '192.168.0.9', ['web'])).toBe(false);
  });
});

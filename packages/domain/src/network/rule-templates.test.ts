import { describe, expect, it } from 'vitest';
import { RULE_TEMPLATES, draftFromTemplate, type RuleTemplateId } from './rule-templates.ts';
import { validateRule } from './security-rules.ts';

const template = (id: RuleTemplateId) => {
  const found = RULE_TEMPLATES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`missing template ${id}`);
  return found;
};

describe('RULE_TEMPLATES', () => {
  it('lists every template once, in dialog order', () => {
    expect(RULE_TEMPLATES.map((t) => t.id)).toEqual([
      'all-icmp', 'all-tcp', 'all-udp', 'ssh', 'http', 'https', 'dns', 'smtp',
      'mysql', 'ms-sql', 'postgresql', 'rdp', 'custom-tcp', 'custom-udp', 'custom-icmp',
    ]);
  });

  it.each([
    ['ssh', 'tcp', 22],
    ['http', 'tcp', 80],
    ['https', 'tcp', 443],
    ['dns', 'udp', 53],
    ['smtp', 'tcp', 25],
    ['mysql', 'tcp', 3306],
    ['ms-sql', 'tcp', 1433],
    ['postgresql', 'tcp', 5432],
    ['rdp', 'tcp', 3389],
  ] as const)('%s is %s %i', (id, protocol, port) => {
    expect(template(id)).toMatchObject({ protocol, portRangeMin: port, portRangeMax: port, customizable: false });
  });

  it.each([
    ['all-icmp', 'icmp', false],
    ['all-tcp', 'tcp', false],
    ['all-udp', 'udp', false],
    ['custom-tcp', 'tcp', true],
    ['custom-udp', 'udp', true],
    ['custom-icmp', 'icmp', true],
  ] as const)('%s is %s with an open range', (id, protocol, customizable) => {
    expect(template(id)).toMatchObject({ protocol, portRangeMin: null, portRangeMax: null, customizable });
  });
});

describe('draftFromTemplate', () => {
  it('defaults to ingress IPv4 from anywhere', () => {
    expect(draftFromTemplate('ssh')).toEqual({
      direction: 'ingress', etherType: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22,
      remoteIpPrefix: '0.0.0.0/0', remoteGroupId: null, description: '',
    });
    expect(draftFromTemplate('https', { etherType: 'IPv6' }).remoteIpPrefix).toBe('::/0');
  });

  it('uses a remote group instead of a CIDR when one is chosen', () => {
    const rule = draftFromTemplate('mysql', { remoteGroupId: 'sg-web' });
    expect(rule).toMatchObject({ remoteIpPrefix: null, remoteGroupId: 'sg-web' });
    expect(validateRule(rule)).toEqual([]);
  });

  it('takes ports only for custom templates', () => {
    expect(draftFromTemplate('custom-tcp', { portRangeMin: 8000, portRangeMax: 8080 })).toMatchObject({ portRangeMin: 8000, portRangeMax: 8080 });
    expect(draftFromTemplate('ssh', { portRangeMin: 8000, portRangeMax: 8080 })).toMatchObject({ portRangeMin: 22, portRangeMax: 22 });
  });

  it('produces valid rules for every fixed template', () => {
    for (const { id, customizable } of RULE_TEMPLATES) {
      if (!customizable) expect(validateRule(draftFromTemplate(id)), id).toEqual([]);
    }
  });

  it('throws on an unknown template id', () => {
    expect(() => draftFromTemplate('telnet' as RuleTemplateId)).toThrow(/Unknown rule template "telnet"/);
  });
});

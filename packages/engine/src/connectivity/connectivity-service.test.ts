import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { createEngine } from '../engine.ts';
import type { Port } from '../networking/network-service.ts';
import { CONNECTIVITY_TESTS, type SecurityGroupRuleDraft } from '@sandcloud/domain';
import { DEFAULT_INTERNET_SOURCE } from './connectivity-service.ts';

const UBUNTU = '6f1c0a00-0000-4000-8000-000000002204';
const TESTS = CONNECTIVITY_TESTS;
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx test@example';

const rule = (draft: Partial<SecurityGroupRuleDraft>): SecurityGroupRuleDraft => ({
  direction: 'ingress',
  etherType: 'IPv4',
  protocol: null,
  portRangeMin: null,
  portRangeMax: null,
  remoteIpPrefix: null,
  remoteGroupId: null,
  ...draft,
});

/**
 * A project with every case a verdict distinguishes: rules with CIDRs that do and do not contain
 * the source, ICMP types, port ranges, any-protocol and IPv6 rules, remote-group rules, several
 * groups, none, a group id that no longer resolves; instances ACTIVE, SHUTOFF and BUILD, with and
 * without a floating IP. A second project has its own instance and floating IP.
 */
function fixture() {
  const engine = createEngine({ clock: new ManualClock(), quotas: { instances: 20, vcpus: 40, ramMb: 80 * 1024, floatingIps: 20 } });
  engine.ensureAdmin('admin', 'admin-password');
  const admin = engine.identity.findUser('admin')!;
  const { network, keyPairs, securityGroups, instances, floatingIps } = engine.modules;

  const project = (name: string) => {
    const { id } = engine.projects.create(admin, { name });
    engine.activateCompute(id);
    keyPairs.import(id, 'key', PUBLIC_KEY);
    return id;
  };
  const projectId = project('demo');
  const otherProjectId = project('other');

  const group = (projectIdOf: string, name: string, drafts: Partial<SecurityGroupRuleDraft>[]) => {
    const created = name === 'default' ? securityGroups.list(projectIdOf)[0]! : securityGroups.create(projectIdOf, { name, description: '' });
    for (const draft of drafts) securityGroups.addRule(projectIdOf, created.id, rule(draft));
    return created.id;
  };
  const defaultGroup = group(projectId, 'default', []); // ingress only from members of itself
  const web = group(projectId, 'web', [
    { protocol: 'tcp', portRangeMin: 80, portRangeMax: 80, remoteIpPrefix: '0.0.0.0/0' },
    { protocol: 'tcp', portRangeMin: 20, portRangeMax: 25, remoteIpPrefix: '198.51.100.0/24' },
  ]);
  const office = group(projectId, 'office', [
    { protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '203.0.113.0/24' },
    { protocol: 'icmp', portRangeMin: 8, portRangeMax: 0, remoteIpPrefix: '203.0.113.9/32' },
    { etherType: 'IPv6', protocol: 'tcp', portRangeMin: 80, portRangeMax: 80, remoteIpPrefix: '::/0' },
  ]);
  const icmp = group(projectId, 'icmp', [{ protocol: 'icmp', remoteIpPrefix: '0.0.0.0/0' }, { protocol: 'icmp', etherType: 'IPv6' }]);
  const anything = group(projectId, 'anything-from-one-host', [{ remoteIpPrefix: '198.51.100.77/32' }]);
  const peers = group(projectId, 'peers', [{ protocol: 'tcp', remoteGroupId: web }]);
  const egressOnly = group(projectId, 'egress-only', []);

  const launch = (projectIdOf: string, name: string, groups: string[]) =>
    instances.create(projectIdOf, {
      name,
      imageId: UBUNTU,
      flavorId: 't2.c1m1',
      zone: 'kr-pub-a',
      rootDiskGb: 20,
      count: 1,
      keyName: 'key',
      securityGroupIds: groups,
      networkId: network.networks(projectIdOf)[0]!.id,
    })[0]!;
  const withFloatingIp = (projectIdOf: string, portId: string | null) => {
    const ip = floatingIps.allocate(projectIdOf);
    floatingIps.associate(projectIdOf, ip.id, portId!);
  };

  const shapes: [string, string[], { floatingIp: boolean }][] = [
    ['default-only', [defaultGroup], { floatingIp: true }],
    ['web', [web], { floatingIp: true }],
    ['web-private', [web], { floatingIp: false }],
    ['office-and-icmp', [office, icmp], { floatingIp: true }],
    ['anything', [anything, peers], { floatingIp: true }],
    ['peers', [peers, egressOnly], { floatingIp: true }],
    ['stopped', [web, icmp], { floatingIp: true }],
    ['no-groups', [web], { floatingIp: true }],
    ['dangling-group', [web], { floatingIp: true }],
  ];
  const made = shapes.map(([name, groups, { floatingIp }]) => {
    const instance = launch(projectId, name, groups);
    if (floatingIp) withFloatingIp(projectId, instance.portId);
    return instance;
  });
  const other = launch(otherProjectId, 'elsewhere', [securityGroups.list(otherProjectId)[0]!.id]);
  withFloatingIp(otherProjectId, other.portId);
  engine.advance(10_000);

  const byName = (name: string) => made.find((instance) => instance.name === name)!;
  instances.stop(projectId, byName('stopped').id);
  instances.changeSecurityGroups(projectId, byName('no-groups').id, []);
  // A port still naming a group that is gone: the group is skipped, as Neutron drops it.
  engine.store.transaction(() => {
    const port = network.getPort(byName('dangling-group').portId!)!;
    engine.store.update<Port>('port', port, { securityGroupIds: ['00000000-0000-4000-8000-00000000dead', ...port.securityGroupIds] });
  });
  // Still building, with a floating IP already.
  const building = launch(projectId, 'building', [web, icmp]);
  withFloatingIp(projectId, building.portId);
  engine.advance(3_000);

  return { engine, projectId, otherProjectId, other };
}

describe('connectivity: batch and single verdicts', () => {
  it('gives every instance the verdicts the single test gives, for every test and source', () => {
    const { engine, projectId } = fixture();
    const { instances, connectivity } = engine.modules;
    const all = instances.list(projectId);
    expect(new Set(all.map((instance) => instance.status))).toEqual(new Set(['ACTIVE', 'SHUTOFF', 'BUILD']));

    const codes = new Set<string>();
    const groupsThatAllowed = new Set<string>();
    // The Internet's default source, an address of the "office" range and an IPv6 host.
    for (const source of [DEFAULT_INTERNET_SOURCE, '203.0.113.9', '2001:db8::7']) {
      const batch = connectivity.testInstances(connectivity.snapshot(projectId), all, source);
      expect([...batch.keys()]).toEqual(all.map((instance) => instance.id));
      for (const instance of all) {
        for (const test of TESTS) {
          const { transcript, ...single } = connectivity.testInstance(instance, test, source);
          expect(transcript.length > 0).toBe(test === 'ping');
          expect(batch.get(instance.id)![test], `${instance.name} ${test} from ${source}`).toEqual(single);
          codes.add(single.reason.code);
          if (single.reason.rule) groupsThatAllowed.add(single.reason.rule.groupName);
        }
      }
    }
    // The fixture is varied enough to mean something: every outcome, allowed by several groups.
    // NO_LISTENER: a rule admits HTTP, but nothing listens on port 80 in these guests.
    expect(codes).toEqual(new Set(['NO_FLOATING_IP', 'INSTANCE_NOT_RUNNING', 'NO_MATCHING_RULE', 'ALLOWED_BY_RULE', 'NO_LISTENER']));
    expect(groupsThatAllowed).toEqual(new Set(['web', 'office', 'icmp', 'anything-from-one-host']));
  });

  it('follows the project as it changes, like the single test', () => {
    const { engine, projectId } = fixture();
    const { instances, connectivity, securityGroups, floatingIps } = engine.modules;
    const web = securityGroups.list(projectId).find((group) => group.name === 'web')!;
    securityGroups.addRule(projectId, web.id, rule({ protocol: 'icmp', remoteIpPrefix: '198.51.0.0/16' }));
    const all = instances.list(projectId);
    const named = (name: string) => all.find((instance) => instance.name === name)!;
    const taken = floatingIps.list(projectId).find((ip) => ip.portId === named('default-only').portId)!;
    floatingIps.disassociate(projectId, taken.id);

    const batch = connectivity.testInstances(connectivity.snapshot(projectId), all);
    for (const instance of all) {
      for (const test of TESTS) {
        const { transcript: _transcript, ...single } = connectivity.testInstance(instance, test);
        expect(batch.get(instance.id)![test]).toEqual(single);
      }
    }
    expect(batch.get(named('web').id)!.ping).toMatchObject({ allowed: true, reason: { rule: { groupName: 'web' } } });
    expect(batch.get(named('default-only').id)!.ping).toMatchObject({ allowed: false, reason: { code: 'NO_FLOATING_IP' } });
  });

  it('reads the project’s ports, floating IPs and security groups once, then evaluates in memory (and each image once: does it run an sshd?)', () => {
    const { engine, projectId } = fixture();
    const { connectivity, instances } = engine.modules;
    const all = instances.list(projectId);
    const list = vi.spyOn(engine.store, 'list');
    const get = vi.spyOn(engine.store, 'get');
    const snapshot = connectivity.snapshot(projectId);
    expect(list.mock.calls.map(([kind, project]) => [kind, project]).sort()).toEqual([
      ['floating-ip', projectId],
      ['port', projectId],
      ['router', projectId],
      ['security-group', projectId],
      ['subnet', projectId],
    ]);
    list.mockClear();
    expect(connectivity.testInstances(snapshot, all).size).toBe(all.length);
    expect(list).not.toHaveBeenCalled();
    expect(get.mock.calls.map(([kind, id]) => `${kind} ${id}`)).toEqual([...new Set(all.map((instance) => `image ${instance.imageId}`))]);
  });

  it('refuses an instance of another project, whose port and rules are not in the snapshot', () => {
    const { engine, projectId, otherProjectId, other } = fixture();
    const { connectivity, instances } = engine.modules;
    expect(() => connectivity.testInstances(connectivity.snapshot(projectId), [instances.get(otherProjectId, other.id)])).toThrow(/not in project/);
    const theirs = connectivity.testInstances(connectivity.snapshot(otherProjectId), instances.list(otherProjectId));
    const { transcript: _transcript, ...single } = connectivity.testInstance(instances.get(otherProjectId, other.id), 'ssh');
    expect(theirs.get(other.id)!.ssh).toEqual(single);
  });
});

import { describe, expect, it } from 'vitest';
import { invalidatedBy, queryKeys } from './query-keys.ts';

// The keys the console's screens cache, one per view (lists, details and the pieces under them).
const KEYS = {
  project: queryKeys.project('p1'),
  projects: queryKeys.projects,
  members: queryKeys.members('p1'),
  users: queryKeys.users,
  session: queryKeys.session,
  instances: [...queryKeys.resources('p1', 'instances'), 'page', 'sort=name'],
  instance: queryKeys.resource('p1', 'instances', 'i1'),
  instanceConsoleLog: [...queryKeys.resource('p1', 'instances', 'i1'), 'console-log'],
  volumes: queryKeys.resources('p1', 'volumes'),
  snapshots: queryKeys.resources('p1', 'volume-snapshots'),
  images: queryKeys.resources('p1', 'images'),
  keyPairs: queryKeys.resources('p1', 'key-pairs'),
  securityGroups: queryKeys.resources('p1', 'security-groups'),
  ruleTemplates: queryKeys.resources('p1', 'security-group-rule-templates'),
  floatingIps: queryKeys.resources('p1', 'floating-ips'),
  vpcs: queryKeys.resources('p1', 'vpcs'),
  subnets: queryKeys.resources('p1', 'subnets'),
  routingTables: queryKeys.resources('p1', 'routing-tables'),
  interfaces: queryKeys.resources('p1', 'network-interfaces'),
  loadBalancer: queryKeys.resource('p1', 'load-balancers', 'lb1'),
  lbCandidates: queryKeys.resources('p1', 'load-balancer-candidates'),
  flavors: queryKeys.resources('p1', 'flavors'),
  topology: [...queryKeys.resources('p1', 'topology'), 'plain'],
  quotas: queryKeys.resources('p1', 'quotas'),
  activity: [...queryKeys.resources('p1', 'activity'), {}],
  tutorials: queryKeys.resources('p1', 'tutorials'),
  otherProjectInstances: queryKeys.resources('p2', 'instances'),
  otherProjectImages: queryKeys.resources('p2', 'images'),
  settings: ['settings'],
} satisfies Record<string, readonly unknown[]>;

type KeyName = keyof typeof KEYS;

/** The names of the keys a change of `kind` in `projectId` invalidates. */
function stale(kind: string, projectId: string | null = 'p1'): KeyName[] {
  const matches = invalidatedBy({ kind, projectId });
  return (Object.keys(KEYS) as KeyName[]).filter((name) => matches(KEYS[name]));
}

const PROJECT_WIDE: KeyName[] = ['topology', 'quotas', 'activity', 'tutorials'];

describe('live events invalidate by resource kind', () => {
  it('a key pair refreshes the key-pair list and the project-wide views, nothing else', () => {
    expect(stale('key-pair')).toEqual(['keyPairs', 'instances', 'instance', 'instanceConsoleLog', ...PROJECT_WIDE].sort(byKeyOrder));
  });

  it('an instance refreshes every view that shows instances, in its own project only', () => {
    expect(stale('instance')).toEqual(
      ['instances', 'instance', 'instanceConsoleLog', 'volumes', 'images', 'securityGroups', 'floatingIps', 'interfaces', 'loadBalancer', 'lbCandidates', ...PROJECT_WIDE].sort(byKeyOrder),
    );
  });

  it('a security group refreshes its list, the instances (their groups) and the interfaces', () => {
    expect(stale('security-group')).toEqual(['instances', 'instance', 'instanceConsoleLog', 'securityGroups', 'interfaces', ...PROJECT_WIDE].sort(byKeyOrder));
  });

  it('a load balancer member refreshes the load balancers only (besides the project-wide views)', () => {
    expect(stale('lb-member')).toEqual(['loadBalancer', ...PROJECT_WIDE].sort(byKeyOrder));
  });

  it('a volume snapshot refreshes the volumes and snapshots', () => {
    expect(stale('volume-snapshot')).toEqual(['volumes', 'snapshots', ...PROJECT_WIDE].sort(byKeyOrder));
  });

  it("the tutorial's progress refreshes the tutorial alone", () => {
    expect(stale('tutorial-progress')).toEqual(['tutorials']);
  });

  it('a public image (no project) refreshes the image views of every project', () => {
    expect(stale('image', null)).toEqual(
      ['instances', 'instance', 'instanceConsoleLog', 'images', ...PROJECT_WIDE, 'otherProjectInstances', 'otherProjectImages'].sort(byKeyOrder),
    );
  });

  it('users, projects and memberships refresh their own keys', () => {
    expect(stale('user', null)).toEqual(['users']);
    const everyProjectKey = (Object.keys(KEYS) as KeyName[]).filter((name) => KEYS[name][0] === 'projects');
    expect(stale('project')).toEqual(everyProjectKey);
    expect(stale('project-member')).toEqual(everyProjectKey);
  });

  it('a kind no view names refreshes the whole project, or everything when it has no project', () => {
    const projectKeys = (Object.keys(KEYS) as KeyName[]).filter((name) => KEYS[name][0] === 'projects' && KEYS[name][1] === 'p1');
    expect(stale('some-new-kind')).toEqual(projectKeys);
    expect(stale('some-new-kind', null)).toEqual(Object.keys(KEYS));
  });

  it('never refreshes static data (flavors, rule templates, settings) or the session for a resource change', () => {
    for (const kind of ['instance', 'port', 'floating-ip', 'network', 'subnet', 'router', 'volume', 'image', 'load-balancer', 'lb-listener']) {
      expect(stale(kind).filter((name) => ['flavors', 'ruleTemplates', 'settings', 'session', 'project', 'projects'].includes(name))).toEqual([]);
    }
  });
});

function byKeyOrder(a: string, b: string): number {
  const order = Object.keys(KEYS);
  return order.indexOf(a) - order.indexOf(b);
}

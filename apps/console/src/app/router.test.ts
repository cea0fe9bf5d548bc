// @vitest-environment happy-dom
import { matchRoutes, type RouteObject } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { routes, type RouteName } from '../lib/routes.ts';
import { router } from './router.tsx';

/** Every URL of the console as it was before the route table (e2e specs and shared links use them). */
const URLS: Record<RouteName, string> = {
  login: '/login',
  projects: '/projects',
  project: '/projects/p-1',
  projectMembers: '/projects/p-1/members',
  users: '/admin/users',
  classroom: '/admin/classroom',
  compute: '/projects/p-1/compute',
  instances: '/projects/p-1/compute/instances',
  newInstance: '/projects/p-1/compute/instances/new',
  instance: '/projects/p-1/compute/instances/instanceId-1',
  keyPairs: '/projects/p-1/compute/key-pairs',
  images: '/projects/p-1/compute/images',
  image: '/projects/p-1/compute/images/imageId-1',
  blockStorage: '/projects/p-1/compute/block-storage',
  securityGroups: '/projects/p-1/compute/security-groups',
  securityGroup: '/projects/p-1/compute/security-groups/groupId-1',
  floatingIps: '/projects/p-1/compute/floating-ips',
  vpcs: '/projects/p-1/compute/network/vpc',
  subnets: '/projects/p-1/compute/network/subnets',
  routingTables: '/projects/p-1/compute/network/routing-tables',
  networkInterfaces: '/projects/p-1/compute/network/interfaces',
  topology: '/projects/p-1/compute/network/topology',
  loadBalancers: '/projects/p-1/compute/load-balancers',
  loadBalancer: '/projects/p-1/compute/load-balancers/loadBalancerId-1',
  activity: '/projects/p-1/compute/activity',
};

const names = Object.keys(routes) as RouteName[];

/** Params for a route: `projectId` → `p-1`, any other `:name` → `name-1`. */
function sampleParams(pattern: string): Record<string, string> {
  return Object.fromEntries([...pattern.matchAll(/:(\w+)/g)].map(([, name]) => [name!, name === 'projectId' ? 'p-1' : `${name}-1`]));
}

/** Builds a route's URL from untyped params (the typed calls are checked below). */
const build = (name: RouteName, params: Record<string, string>, search?: Record<string, string | undefined>) =>
  (routes[name] as unknown as (params: Record<string, string>, search?: Record<string, string | undefined>) => string)(params, search);

/** Every path the router declares, depth first. */
function routerPaths(list: RouteObject[]): string[] {
  return list.flatMap((r) => [...(r.path ? [r.path] : []), ...routerPaths(r.children ?? [])]);
}

describe('route table', () => {
  it('builds every URL exactly as the console had it', () => {
    for (const name of names) expect(build(name, sampleParams(routes[name].pattern))).toBe(URLS[name]);
  });

  it('builds URLs the router matches to that same route, with the same params', () => {
    for (const name of names) {
      const { pattern } = routes[name];
      const params = sampleParams(pattern);
      const matches = matchRoutes(router.routes, build(name, params)) ?? [];
      const withPath = matches.filter((m) => m.route.path !== undefined);
      expect(withPath.at(-1)?.route.path, name).toBe(pattern);
      // Below the matched route only an index route may follow (the project overview, compute's redirect).
      expect(matches.slice(matches.indexOf(withPath.at(-1)!) + 1).every((m) => m.route.index)).toBe(true);
      expect({ ...matches.at(-1)?.params }).toEqual(params);
    }
  });

  it('is the only source of the router paths: each path is a route of the table (besides / and the catch-all)', () => {
    const patterns = new Set<string>(names.map((name) => routes[name].pattern));
    expect(patterns.size).toBe(names.length);
    const paths = routerPaths(router.routes);
    expect(paths.filter((path) => !patterns.has(path))).toEqual(['/', '*']);
    expect([...patterns].filter((pattern) => !paths.includes(pattern))).toEqual([]);
  });

  it('adds a query, leaving out undefined values, and encodes params', () => {
    expect(routes.instance({ projectId: 'p-1', instanceId: 'i-1' }, { tab: 'flow-log' })).toBe('/projects/p-1/compute/instances/i-1?tab=flow-log');
    expect(routes.newInstance({ projectId: 'p-1' }, { networkId: 'n-1', subnetId: 's-1' })).toBe('/projects/p-1/compute/instances/new?networkId=n-1&subnetId=s-1');
    expect(routes.images({ projectId: 'p-1' }, { tab: 'private', q: undefined })).toBe('/projects/p-1/compute/images?tab=private');
    expect(routes.image({ projectId: 'p 1', imageId: 'a/b' })).toBe('/projects/p%201/compute/images/a%2Fb');
  });

  it('requires every param, by type and at run time', () => {
    // @ts-expect-error the instance is missing
    expect(() => routes.instance({ projectId: 'p-1' })).toThrow('The route /projects/:projectId/compute/instances/:instanceId needs its :instanceId');
    // @ts-expect-error a project route needs its project
    expect(() => routes.instances()).toThrow('needs its :projectId');
    expect(() => routes.instances({ projectId: '' })).toThrow('needs its :projectId');
    // @ts-expect-error a route without params takes none
    expect(routes.projects({ projectId: 'p-1' })).toBe('/projects');
    // @ts-expect-error a param the route does not have
    expect(routes.project({ projectId: 'p-1', instanceId: 'i-1' })).toBe('/projects/p-1');
  });
});

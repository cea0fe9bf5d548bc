/**
 * The console's route table: every screen's URL pattern declared once, with its parameters. The
 * router takes each route's `pattern` as its path (`app/router.tsx`, `app/compute-routes.tsx`) and
 * links call the same route to build the URL (`routes.instance({ projectId, instanceId })`), so a
 * link cannot point where no route matches, and a missing parameter is a type error.
 */

/** The `:name` parameters of a pattern: `'/projects/:projectId/x/:id'` → `'projectId' | 'id'`. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type RouteParams<P extends string> = { [K in ParamNames<P>]: string };

/** The query string's values; undefined ones are left out. */
export type RouteSearch = Record<string, string | undefined>;

/** A route: called with its parameters (and an optional query), it builds the URL; `pattern` is the router's path. */
export type Route<P extends string> = ([ParamNames<P>] extends [never]
  ? (params?: Record<string, never>, search?: RouteSearch) => string
  : (params: RouteParams<P>, search?: RouteSearch) => string) & { readonly pattern: P };

/** A route of a project's screen: the only parameter is the project (the compute menu, the tutorial's screens). */
export type ProjectRoute = ((params: { projectId: string }, search?: RouteSearch) => string) & { readonly pattern: string };

export function route<const P extends string>(pattern: P): Route<P> {
  const build = (params: Record<string, string> = {}, search?: RouteSearch): string => {
    const path = pattern.replace(/:(\w+)/g, (_, name: string) => {
      const value = params[name];
      if (!value) throw new Error(`The route ${pattern} needs its :${name}`);
      return encodeURIComponent(value);
    });
    const query = new URLSearchParams(Object.entries(search ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
    return query ? `${path}?${query}` : path;
  };
  return Object.assign(build, { pattern }) as Route<P>;
}

const compute = '/projects/:projectId/compute';

export const routes = {
  login: route('/login'),
  projects: route('/projects'),
  project: route('/projects/:projectId'),
  projectMembers: route('/projects/:projectId/members'),
  users: route('/admin/users'),
  classroom: route('/admin/classroom'),
  /** Infrastructure > Compute & Network; its screens below. */
  compute: route(compute),
  instances: route(`${compute}/instances`),
  /** The launch wizard; `?imageId=` (image page) or `?networkId=&subnetId=` (a subnet's "Launch instance here") preselect. */
  newInstance: route(`${compute}/instances/new`),
  /** An instance's page; `?tab=` opens a tab (`flow-log`). */
  instance: route(`${compute}/instances/:instanceId`),
  keyPairs: route(`${compute}/key-pairs`),
  /** `?tab=private` opens the project's own images. */
  images: route(`${compute}/images`),
  image: route(`${compute}/images/:imageId`),
  blockStorage: route(`${compute}/block-storage`),
  securityGroups: route(`${compute}/security-groups`),
  securityGroup: route(`${compute}/security-groups/:groupId`),
  floatingIps: route(`${compute}/floating-ips`),
  vpcs: route(`${compute}/network/vpc`),
  subnets: route(`${compute}/network/subnets`),
  routingTables: route(`${compute}/network/routing-tables`),
  networkInterfaces: route(`${compute}/network/interfaces`),
  topology: route(`${compute}/network/topology`),
  loadBalancers: route(`${compute}/load-balancers`),
  loadBalancer: route(`${compute}/load-balancers/:loadBalancerId`),
  activity: route(`${compute}/activity`),
} as const;

export type RouteName = keyof typeof routes;

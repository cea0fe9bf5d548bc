/**
 * Query keys follow the resource path, so a live event about (project, kind) can invalidate
 * exactly the lists and details it touches.
 */
export const queryKeys = {
  session: ['session'] as const,
  projects: ['projects'] as const,
  /** Users are global, not a project's: their key stands apart from the project keys. */
  users: ['users'] as const,
  project: (projectId: string) => ['projects', projectId] as const,
  members: (projectId: string) => ['projects', projectId, 'members'] as const,
  resources: (projectId: string, kind: string) => ['projects', projectId, kind] as const,
  resource: (projectId: string, kind: string, id: string) => ['projects', projectId, kind, id] as const,
};

/**
 * What each of a project's views shows, by the engine's resource kinds (a live event's `kind`): a
 * change of a kind refreshes exactly the views that show it. Resources show each other (an
 * instance its ports, floating IP, groups and volumes; a floating IP its target), so a view names
 * every kind it displays. The key is the view's segment under `resources(projectId, view)`.
 */
const VIEW_KINDS: Record<string, readonly string[]> = {
  instances: ['instance', 'port', 'floating-ip', 'security-group', 'volume', 'image', 'key-pair', 'network', 'subnet', 'server-group', 'flow-log', 'guest-processes'],
  volumes: ['volume', 'volume-snapshot', 'instance'],
  'volume-snapshots': ['volume-snapshot', 'volume'],
  images: ['image', 'image-member', 'instance'],
  'key-pairs': ['key-pair'],
  'security-groups': ['security-group', 'instance', 'port'],
  'floating-ips': ['floating-ip', 'port', 'instance', 'load-balancer', 'network', 'router'],
  'attachable-ports': ['port', 'instance', 'load-balancer', 'floating-ip'],
  vpcs: ['network', 'subnet', 'router'],
  networks: ['network', 'subnet', 'router'],
  subnets: ['subnet', 'network', 'router', 'port'],
  'routing-tables': ['router', 'network', 'subnet', 'port'],
  'network-interfaces': ['port', 'instance', 'floating-ip', 'load-balancer', 'network', 'subnet', 'security-group'],
  'load-balancers': ['load-balancer', 'lb-listener', 'lb-pool', 'lb-member', 'floating-ip', 'port', 'instance', 'guest-processes'],
  'load-balancer-subnets': ['subnet', 'network'],
  'load-balancer-free-floating-ips': ['floating-ip'],
  'load-balancer-candidates': ['instance', 'port'],
};

/**
 * Views that read across the whole project (the topology, the quotas' usage, the activity log, the
 * tutorial's checks and hints): every change in the project refreshes them.
 */
const PROJECT_WIDE_VIEWS: readonly string[] = ['topology', 'quotas', 'activity', 'tutorials'];

/**
 * Kinds that are a view's own bookkeeping rather than a resource of the project: a change refreshes
 * that view alone (the tutorial's progress changes on the engine's own timer too).
 */
const BOOKKEEPING_KINDS: Record<string, readonly string[]> = {
  'tutorial-progress': ['tutorials'],
  quota: ['quotas'],
};

const VIEWS_OF_KIND = new Map<string, string[]>();
for (const [view, kinds] of Object.entries(VIEW_KINDS)) for (const kind of kinds) VIEWS_OF_KIND.set(kind, [...(VIEWS_OF_KIND.get(kind) ?? []), view]);

/** The parts of a live event the invalidation looks at. */
export interface ChangeOfKind {
  kind: string;
  projectId: string | null;
}

/**
 * Which cached queries a change makes stale: the one place the console maps a live event to query
 * keys (`useLiveEvents` invalidates with it; mutations leave the refresh to the event). A kind no
 * view names (one added later) refreshes the whole project, as every event used to; a change of a
 * kind outside any project (a public image) refreshes its views in every project.
 */
export function invalidatedBy(event: ChangeOfKind): (queryKey: readonly unknown[]) => boolean {
  const projectMatches = (key: readonly unknown[]) => key[0] === 'projects' && key.length >= 2 && (event.projectId === null || key[1] === event.projectId);
  switch (event.kind) {
    case 'user':
      return (key) => key[0] === queryKeys.users[0];
    // A membership changes what the user may see and do; every project key starts with `projects`.
    case 'project':
    case 'project-member':
      return (key) => key[0] === queryKeys.projects[0];
  }
  const own = BOOKKEEPING_KINDS[event.kind];
  const views = VIEWS_OF_KIND.get(event.kind);
  if (!own && !views) return event.projectId === null ? () => true : projectMatches;
  const stale = new Set(own ?? [...views!, ...PROJECT_WIDE_VIEWS]);
  return (key) => projectMatches(key) && typeof key[2] === 'string' && stale.has(key[2]);
}

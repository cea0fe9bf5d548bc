import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import { activityPages } from '../features/activity/pages.ts';
import { blockStoragePages } from '../features/block-storage/pages.ts';
import { floatingIpPages } from '../features/floating-ips/pages.ts';
import { imagePages } from '../features/images/pages.ts';
import { instancePages } from '../features/instances/pages.ts';
import { keyPairPages } from '../features/key-pairs/pages.ts';
import { loadBalancerPages } from '../features/load-balancers/pages.ts';
import { topologyPages } from '../features/network-topology/pages.ts';
import { networkPages } from '../features/network/pages.ts';
import { securityGroupPages } from '../features/security-groups/pages.ts';
import { routes } from '../lib/routes.ts';
import { lazyScreen } from './lazy-route.tsx';

/** A route of the table (`lib/routes.ts`) with its screen, loaded on first use as a chunk of its own. */
export function screen(route: { pattern: string }, load: () => Promise<ComponentType>): RouteObject {
  return { path: route.pattern, ...lazyScreen(load, (Page) => Page) };
}

/** One entry per Compute & Network screen; each feature's `pages.ts` gives its screens. */
export const computeRoutes: RouteObject[] = [
  screen(routes.instances, instancePages.list),
  screen(routes.newInstance, instancePages.create),
  screen(routes.instance, instancePages.detail),
  screen(routes.keyPairs, keyPairPages.list),
  screen(routes.images, imagePages.list),
  screen(routes.image, imagePages.detail),
  screen(routes.blockStorage, blockStoragePages.list),
  screen(routes.securityGroups, securityGroupPages.list),
  screen(routes.securityGroup, securityGroupPages.detail),
  screen(routes.floatingIps, floatingIpPages.list),
  screen(routes.vpcs, networkPages.vpcs),
  screen(routes.subnets, networkPages.subnets),
  screen(routes.routingTables, networkPages.routingTables),
  screen(routes.networkInterfaces, networkPages.interfaces),
  screen(routes.topology, topologyPages.topology),
  screen(routes.loadBalancers, loadBalancerPages.list),
  screen(routes.loadBalancer, loadBalancerPages.detail),
  screen(routes.activity, activityPages.list),
];

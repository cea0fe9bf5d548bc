import type { RouteObject } from 'react-router-dom';
import { lazyScreen } from './lazy-route.tsx';

/** One entry per Compute & Network screen, each loaded on first use; each feature adds its routes here. */
export const computeRoutes: RouteObject[] = [
  { path: 'instances', ...lazyScreen(() => import('../features/instances/components/instances-page.tsx'), (m) => m.InstancesPage) },
  {
    path: 'instances/new',
    ...lazyScreen(() => import('../features/instances/components/create-instance/create-instance-page.tsx'), (m) => m.CreateInstancePage),
  },
  // The instance page holds the web console: xterm loads with it.
  { path: 'instances/:instanceId', ...lazyScreen(() => import('../features/instances/components/instance-page.tsx'), (m) => m.InstancePage) },
  { path: 'key-pairs', ...lazyScreen(() => import('../features/key-pairs/components/key-pairs-page.tsx'), (m) => m.KeyPairsPage) },
  { path: 'images', ...lazyScreen(() => import('../features/images/components/images-page.tsx'), (m) => m.ImagesPage) },
  { path: 'images/:imageId', ...lazyScreen(() => import('../features/images/components/image-page.tsx'), (m) => m.ImagePage) },
  { path: 'block-storage', ...lazyScreen(() => import('../features/block-storage/components/block-storage-page.tsx'), (m) => m.BlockStoragePage) },
  {
    path: 'security-groups',
    ...lazyScreen(() => import('../features/security-groups/components/security-groups-page.tsx'), (m) => m.SecurityGroupsPage),
  },
  {
    path: 'security-groups/:groupId',
    ...lazyScreen(() => import('../features/security-groups/components/security-group-page.tsx'), (m) => m.SecurityGroupPage),
  },
  { path: 'floating-ips', ...lazyScreen(() => import('../features/floating-ips/components/floating-ips-page.tsx'), (m) => m.FloatingIpsPage) },
  { path: 'network/vpc', ...lazyScreen(() => import('../features/network/components/vpcs-page.tsx'), (m) => m.VpcsPage) },
  { path: 'network/subnets', ...lazyScreen(() => import('../features/network/components/subnets-page.tsx'), (m) => m.SubnetsPage) },
  { path: 'network/routing-tables', ...lazyScreen(() => import('../features/network/components/routing-tables-page.tsx'), (m) => m.RoutingTablesPage) },
  { path: 'network/interfaces', ...lazyScreen(() => import('../features/network/components/network-interfaces-page.tsx'), (m) => m.NetworkInterfacesPage) },
  // React Flow and the layout worker load only when the topology is opened.
  {
    path: 'network/topology',
    ...lazyScreen(() => import('../features/network-topology/components/network-topology-page.tsx'), (m) => m.NetworkTopologyPage),
  },
  {
    path: 'load-balancers',
    ...lazyScreen(() => import('../features/load-balancers/components/load-balancers-page.tsx'), (m) => m.LoadBalancersPage),
  },
  {
    path: 'load-balancers/:loadBalancerId',
    ...lazyScreen(() => import('../features/load-balancers/components/detail/load-balancer-page.tsx'), (m) => m.LoadBalancerPage),
  },
  { path: 'activity', ...lazyScreen(() => import('../features/activity/components/activity-page.tsx'), (m) => m.ActivityPage) },
];

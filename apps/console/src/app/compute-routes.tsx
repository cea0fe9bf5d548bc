import type { RouteObject } from 'react-router-dom';
import { BlockStoragePage } from '../features/block-storage/components/block-storage-page.tsx';
import { FloatingIpsPage } from '../features/floating-ips/components/floating-ips-page.tsx';
import { ImagePage } from '../features/images/components/image-page.tsx';
import { ImagesPage } from '../features/images/components/images-page.tsx';
import { CreateInstancePage } from '../features/instances/components/create-instance/create-instance-page.tsx';
import { InstancePage } from '../features/instances/components/instance-page.tsx';
import { InstancesPage } from '../features/instances/components/instances-page.tsx';
import { KeyPairsPage } from '../features/key-pairs/components/key-pairs-page.tsx';
import { LoadBalancerPage } from '../features/load-balancers/components/detail/load-balancer-page.tsx';
import { LoadBalancersPage } from '../features/load-balancers/components/load-balancers-page.tsx';
import { VpcPage } from '../features/network/components/vpc-page.tsx';
import { SecurityGroupPage } from '../features/security-groups/components/security-group-page.tsx';
import { SecurityGroupsPage } from '../features/security-groups/components/security-groups-page.tsx';

/** One entry per Compute & Network screen; each feature adds its routes here. */
export const computeRoutes: RouteObject[] = [
  { path: 'instances', element: <InstancesPage /> },
  { path: 'instances/new', element: <CreateInstancePage /> },
  { path: 'instances/:instanceId', element: <InstancePage /> },
  { path: 'key-pairs', element: <KeyPairsPage /> },
  { path: 'images', element: <ImagesPage /> },
  { path: 'images/:imageId', element: <ImagePage /> },
  { path: 'block-storage', element: <BlockStoragePage /> },
  { path: 'security-groups', element: <SecurityGroupsPage /> },
  { path: 'security-groups/:groupId', element: <SecurityGroupPage /> },
  { path: 'floating-ips', element: <FloatingIpsPage /> },
  { path: 'network/vpc', element: <VpcPage /> },
  // React Flow and the layout worker load only when the topology is opened.
  {
    path: 'network/topology',
    lazy: async () => ({ Component: (await import('../features/network-topology/components/network-topology-page.tsx')).NetworkTopologyPage }),
    hydrateFallbackElement: <div aria-busy="true" />,
  },
  { path: 'load-balancers', element: <LoadBalancersPage /> },
  { path: 'load-balancers/:loadBalancerId', element: <LoadBalancerPage /> },
];

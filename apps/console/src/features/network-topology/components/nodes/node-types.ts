import type { NodeTypes } from '@xyflow/react';
import { InstanceNode } from './instance-node.tsx';
import { LoadBalancerNode } from './load-balancer-node.tsx';
import { NetworkNode } from './network-node.tsx';
import { PublicNetworkNode } from './public-network-node.tsx';
import { RouterNode } from './router-node.tsx';
import { VolumeNode } from './volume-node.tsx';

/** Defined once, at module scope: React Flow redraws every node when this object changes identity. */
export const nodeTypes: NodeTypes = {
  publicNetwork: PublicNetworkNode,
  router: RouterNode,
  network: NetworkNode,
  instance: InstanceNode,
  loadBalancer: LoadBalancerNode,
  volume: VolumeNode,
};

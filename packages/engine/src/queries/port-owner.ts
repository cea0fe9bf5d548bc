import type { Port } from '../networking/network-service.ts';

/**
 * What a port belongs to, read from its `deviceOwner` as Neutron writes it: `compute:<zone>` for an
 * instance's port (its `deviceId` is the instance id), `Octavia` for a load balancer's VIP (its
 * `deviceId` is the load balancer id). The one place that knows the convention.
 */
export type PortOwnerType = 'instance' | 'load-balancer' | 'other';

export const INSTANCE_DEVICE_OWNER_PREFIX = 'compute:';
export const LOAD_BALANCER_DEVICE_OWNER = 'Octavia';

export function isInstancePort(port: Pick<Port, 'deviceOwner'>): boolean {
  return port.deviceOwner.startsWith(INSTANCE_DEVICE_OWNER_PREFIX);
}

export function isLoadBalancerPort(port: Pick<Port, 'deviceOwner'>): boolean {
  return port.deviceOwner === LOAD_BALANCER_DEVICE_OWNER;
}

export function portOwnerType(port: Pick<Port, 'deviceOwner'>): PortOwnerType {
  if (isInstancePort(port)) return 'instance';
  return isLoadBalancerPort(port) ? 'load-balancer' : 'other';
}

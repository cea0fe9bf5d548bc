import type { Port } from './network-service.ts';

// Who a port belongs to, as Neutron's `device_owner` says it: `compute:<zone>` for an instance's
// port (Nova sets it), `Octavia` for a load balancer's VIP. Ask here instead of testing the string.

/** Octavia's device owner for a VIP port; the floating IP screens treat every non-compute port as a load balancer's. */
export const VIP_DEVICE_OWNER = 'Octavia';

/** The port is an instance's (its `deviceId` is the instance's id). */
export function isInstancePort(port: Pick<Port, 'deviceOwner'>): boolean {
  return port.deviceOwner.startsWith('compute:');
}

/** The port is a load balancer's VIP (its `deviceId` is the load balancer's id). */
export function isLoadBalancerVipPort(port: Pick<Port, 'deviceOwner'>): boolean {
  return port.deviceOwner === VIP_DEVICE_OWNER;
}

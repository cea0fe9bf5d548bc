// Neutron's vocabulary for networks, subnets, routers, ports and floating IPs, written once for the
// engine, the API schemas and the console. (Rule and address logic lives in `network/`.)

/** Neutron status of networks, subnets, routers and ports; Sandcloud's are always ACTIVE. */
export const NETWORK_STATUSES = ['ACTIVE', 'DOWN', 'BUILD', 'ERROR'] as const;
export type NetworkStatus = (typeof NETWORK_STATUSES)[number];

/** Neutron floating IP: DOWN while free, ACTIVE while it forwards to a port's fixed IP. */
export const FLOATING_IP_STATUSES = ['DOWN', 'ACTIVE'] as const;
export type FloatingIpStatus = (typeof FLOATING_IP_STATUSES)[number];

/** What a port (and so a floating IP) can belong to. */
export const PORT_DEVICE_TYPES = ['instance', 'load-balancer'] as const;
export type PortDeviceType = (typeof PORT_DEVICE_TYPES)[number];

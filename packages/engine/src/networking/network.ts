// Neutron's network records: networks, subnets, routers and ports.
import type { NetworkStatus } from '@sandcloud/domain';
import type { ResourceBase } from '../store/resource.ts';

/** Neutron network. `external` marks the provider network the floating IPs come from. */
export interface Network extends ResourceBase {
  status: NetworkStatus;
  external: boolean;
  subnetIds: string[];
}

export interface Subnet extends ResourceBase {
  status: NetworkStatus;
  networkId: string;
  cidr: string;
  gatewayIp: string;
  ipVersion: 4;
  /** Addresses the platform keeps (gateway, DHCP agents), never given to a port. */
  reservedIps: string[];
}

export interface Router extends ResourceBase {
  status: NetworkStatus;
  externalNetworkId: string;
  subnetIds: string[];
}

/** Neutron port: one address on a subnet, owned by a device (an instance, a router, a load balancer). */
export interface Port extends ResourceBase {
  status: NetworkStatus;
  networkId: string;
  subnetId: string;
  fixedIp: string;
  deviceOwner: string;
  deviceId: string;
  securityGroupIds: string[];
}

// Neutron's records: networks (VPCs), subnets, routers (routing tables) and ports (network interfaces).
import type { NetworkStatus } from '@sandcloud/domain';
import type { ResourceBase } from '../store/resource.ts';

/** Attributes only the Neutron API reads and writes (the simulation ignores them, except allocation pools). */
export interface NeutronAttributes {
  adminStateUp?: boolean;
  dnsNameservers?: string[];
  hostRoutes?: { destination: string; nexthop: string }[];
  /** Where automatic fixed IPs come from (the whole subnet when absent). */
  allocationPools?: { start: string; end: string }[];
  /** A port's MAC address a client chose (derived from the port id otherwise). */
  macAddress?: string;
  /** A router's SNAT on its external gateway. */
  enableSnat?: boolean;
}

/**
 * Neutron network, the console's VPC. `external` marks the provider network the floating IPs come
 * from. `cidr` is the VPC's address range (its subnets lie inside it); networks made through the
 * Neutron API have none, and then any subnet range goes.
 */
export interface Network extends ResourceBase {
  status: NetworkStatus;
  external: boolean;
  subnetIds: string[];
  cidr?: string | null;
  description?: string;
  neutron?: NeutronAttributes;
}

export interface Subnet extends ResourceBase {
  status: NetworkStatus;
  networkId: string;
  cidr: string;
  gatewayIp: string;
  ipVersion: 4;
  /** Addresses the platform keeps (gateway, DHCP agents), never given to a port. */
  reservedIps: string[];
  /** DHCP on (the default): the guest takes its address from the subnet's DHCP agent. */
  enableDhcp?: boolean;
  description?: string;
  neutron?: NeutronAttributes;
}

/**
 * Neutron router, the console's routing table. `externalNetworkId` is its internet gateway (the
 * public network) or null when detached; `subnetIds` are the subnets it has interfaces on: they
 * route to one another and, with the gateway, to the Internet.
 */
export interface Router extends ResourceBase {
  status: NetworkStatus;
  externalNetworkId: string | null;
  subnetIds: string[];
  /** The VPC the console made it for (deleted with it); Neutron's routers belong to none. */
  networkId?: string;
  description?: string;
  neutron?: NeutronAttributes;
}

/**
 * Neutron port (network interface): one address on a subnet, owned by a device (an instance, a
 * router, a load balancer) or by nothing (`deviceId` '') until it is attached.
 */
export interface Port extends ResourceBase {
  status: NetworkStatus;
  networkId: string;
  subnetId: string;
  fixedIp: string;
  deviceOwner: string;
  deviceId: string;
  securityGroupIds: string[];
  description?: string;
  /** Made for an instance (at its launch or an attach on a subnet): deleted with it, as Nova does. */
  autoDelete?: boolean;
  neutron?: NeutronAttributes;
  /**
   * Neutron's further fixed IPs of the port, after `fixedIp` (reserved as it is). Only ports no
   * instance uses carry them: a guest's interface has one address.
   */
  extraFixedIps?: { subnetId: string; ip: string }[];
}

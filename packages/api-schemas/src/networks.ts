import type { NetworkStatus } from '@sandcloud/domain';

/** A project network with its first subnet (and the others), as the launch wizard lists it. */
export interface NetworkDto {
  id: string;
  name: string;
  status: NetworkStatus;
  subnetId: string;
  cidr: string;
  gatewayIp: string;
  routerId: string | null;
  routerName: string | null;
  externalNetworkName: string | null;
  createdAt: string;
  /** Every subnet of the network (the first is `subnetId`), for the launch wizard's subnet choice. */
  subnets: { id: string; name: string; cidr: string; gatewayIp: string }[];
}

import type { NetworkStatus } from '@sandcloud/domain';

/** A project network with its (single) subnet, as the VPC screen lists it. */
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
}

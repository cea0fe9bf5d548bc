import type {
  FloatingIpStatus,
  InstanceStatus,
  InstanceTaskState,
  NetworkStatus,
  OperatingStatus,
  PortDeviceType,
  PowerState,
  ProvisioningStatus,
  VolumeStatus,
} from '@sandcloud/domain';
import { z } from 'zod';
import type { ConnectivityVerdictDto } from './instances.ts';

/** `GET /topology?reachability=internet` adds the engine's verdicts for traffic from the Internet. */
export const topologyQuerySchema = z
  .object({
    reachability: z.enum(['internet'], { error: 'reachability is "internet" (traffic from any Internet address)' }).optional(),
  })
  .loose();
export type TopologyQuery = z.infer<typeof topologyQuerySchema>;

/** The provider network floating IPs come from: "the Internet side" of the project. */
export interface TopologyPublicNetworkDto {
  id: string;
  name: string;
}

export interface TopologyRouterDto {
  id: string;
  name: string;
  status: NetworkStatus;
  /** The external network its gateway is on (the Public Network), or null for an internal router. */
  externalNetworkId: string | null;
  /** The project networks it has an interface on. */
  networkIds: string[];
}

export interface TopologySubnetDto {
  id: string;
  name: string;
  cidr: string;
  gatewayIp: string;
}

export interface TopologyNetworkDto {
  id: string;
  name: string;
  status: NetworkStatus;
  subnets: TopologySubnetDto[];
}

export interface TopologyInstanceDto {
  id: string;
  name: string;
  status: InstanceStatus;
  /** An operation in flight (powering-off, deleting…), or null. */
  taskState: InstanceTaskState;
  powerState: PowerState;
  networkId: string;
  portId: string | null;
  privateIp: string | null;
  floatingIp: string | null;
  floatingIpId: string | null;
  securityGroupIds: string[];
  /** Its other network interfaces (besides `portId`), each on its own subnet; absent when it has none. */
  extraInterfaces?: { portId: string; networkId: string; subnetId: string; fixedIp: string }[];
}

export interface TopologyFloatingIpDto {
  id: string;
  address: string;
  status: FloatingIpStatus;
  portId: string | null;
  fixedIp: string | null;
  /** What it forwards to; null while free. */
  target: { type: PortDeviceType; id: string } | null;
}

export interface TopologySecurityGroupDto {
  id: string;
  name: string;
}

/** A block storage volume; attached ones appear under their instance when the view shows volumes. */
export interface TopologyVolumeDto {
  id: string;
  name: string;
  status: VolumeStatus;
  sizeGb: number;
  attachments: { instanceId: string; device: string | null }[];
}

export interface TopologyLoadBalancerMemberDto {
  id: string;
  /** The instance behind the member, when the member is one of the project's instances. */
  instanceId: string | null;
  address: string;
  port: number;
  /** Health as the load balancer sees it (ONLINE, OFFLINE…), when known. */
  status: OperatingStatus | null;
}

export interface TopologyLoadBalancerDto {
  id: string;
  name: string;
  status: ProvisioningStatus;
  /** The network (subnet) its VIP is on. */
  networkId: string;
  vipAddress: string;
  vipPortId: string | null;
  floatingIp: string | null;
  members: TopologyLoadBalancerMemberDto[];
}

export type TopologyTest = ConnectivityVerdictDto['test'];

/** One verdict of the reachability overlay, without the ping transcript. */
export type TopologyVerdictDto = Pick<ConnectivityVerdictDto, 'allowed' | 'reason'>;

export interface TopologyReachabilityDto {
  /** Where the traffic comes from: any Internet address. */
  source: 'internet';
  sourceIp: string;
  /** Per instance id: ping (ICMP), ssh (TCP 22) and http (TCP 80). */
  instances: Record<string, Record<TopologyTest, TopologyVerdictDto>>;
}

/**
 * Everything the Network Topology view draws, in one compact answer. Block storage and load
 * balancers are present once their modules are wired (the arrays are then always there, possibly
 * empty); `reachability` only when asked for.
 */
export interface TopologyDto {
  publicNetwork: TopologyPublicNetworkDto;
  routers: TopologyRouterDto[];
  networks: TopologyNetworkDto[];
  instances: TopologyInstanceDto[];
  floatingIps: TopologyFloatingIpDto[];
  securityGroups: TopologySecurityGroupDto[];
  volumes?: TopologyVolumeDto[];
  loadBalancers?: TopologyLoadBalancerDto[];
  reachability?: TopologyReachabilityDto;
}

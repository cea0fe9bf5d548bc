import type { NetworkStatus } from '@sandcloud/domain';
import { z } from 'zod';

// VPCs, subnets, routing tables and network interfaces as the console's VPC screens use them.

const name = z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(255, 'Names have at most 255 characters');
const description = z.string().max(255, 'Descriptions have at most 255 characters');
const cidr = z.string({ error: 'Enter a CIDR like 10.0.0.0/16' }).trim().min(1, 'Enter a CIDR like 10.0.0.0/16');
const ipv4 = z.ipv4({ error: 'Enter an IPv4 address' });

export const createVpcSchema = z.strictObject({ name, cidr, description: description.optional() });
export type CreateVpcRequest = z.infer<typeof createVpcSchema>;
export const updateVpcSchema = z.strictObject({ name: name.optional(), cidr: cidr.optional(), description: description.optional() });
export type UpdateVpcRequest = z.infer<typeof updateVpcSchema>;

export const createSubnetSchema = z.strictObject({
  vpcId: z.string().min(1, 'Choose a VPC'),
  name,
  cidr,
  /** Absent: the first host; null: no gateway. */
  gatewayIp: ipv4.nullable().optional(),
  enableDhcp: z.boolean().optional(),
  /** The routing table to attach the subnet to (the VPC's default when absent, none when null). */
  routingTableId: z.string().min(1).nullable().optional(),
  description: description.optional(),
});
export type CreateSubnetRequest = z.infer<typeof createSubnetSchema>;
export const updateSubnetSchema = z.strictObject({ name: name.optional(), description: description.optional(), enableDhcp: z.boolean().optional(), gatewayIp: ipv4.nullable().optional() });
export type UpdateSubnetRequest = z.infer<typeof updateSubnetSchema>;

export const createRoutingTableSchema = z.strictObject({ name, vpcId: z.string().min(1).optional(), internetGateway: z.boolean(), description: description.optional() });
export type CreateRoutingTableRequest = z.infer<typeof createRoutingTableSchema>;
export const updateRoutingTableSchema = z.strictObject({ name: name.optional(), internetGateway: z.boolean().optional(), description: description.optional() });
export type UpdateRoutingTableRequest = z.infer<typeof updateRoutingTableSchema>;
export const routingTableSubnetSchema = z.strictObject({ subnetId: z.string().min(1, 'Choose a subnet') });

export const createNetworkInterfaceSchema = z.strictObject({
  subnetId: z.string().min(1, 'Choose a subnet'),
  name: z.string().trim().max(255).optional(),
  fixedIp: ipv4.optional(),
  description: description.optional(),
  securityGroupIds: z.array(z.string()).optional(),
});
export type CreateNetworkInterfaceRequest = z.infer<typeof createNetworkInterfaceSchema>;
export const updateNetworkInterfaceSchema = z.strictObject({ name: z.string().trim().max(255).optional(), description: description.optional(), securityGroupIds: z.array(z.string()).optional() });
export const attachInterfaceSchema = z.strictObject({ instanceId: z.string().min(1, 'Choose an instance') });
/** Moves a floating IP to the interface, from wherever it is connected. */
export const moveFloatingIpSchema = z.strictObject({ floatingIpId: z.string().min(1, 'Choose a floating IP') });
export const attachToInstanceSchema = z.union([
  z.strictObject({ portId: z.string().min(1) }),
  z.strictObject({ subnetId: z.string().min(1, 'Choose a subnet'), fixedIp: ipv4.optional() }),
]);

export interface VpcDto {
  id: string;
  name: string;
  status: NetworkStatus;
  /** The VPC's range; null for networks made through the Neutron API without one. */
  cidr: string | null;
  description: string;
  isDefault: boolean;
  subnets: { id: string; name: string; cidr: string }[];
  routingTables: { id: string; name: string }[];
  createdAt: string;
}

export interface SubnetDto {
  id: string;
  name: string;
  vpcId: string;
  vpcName: string;
  cidr: string;
  gatewayIp: string | null;
  enableDhcp: boolean;
  description: string;
  routingTableId: string | null;
  routingTableName: string | null;
  /** The routing table's internet gateway is attached. */
  internetGateway: boolean;
  availableIps: number;
  portCount: number;
  createdAt: string;
}

export interface RoutingTableDto {
  id: string;
  name: string;
  vpcId: string | null;
  vpcName: string | null;
  internetGateway: boolean;
  description: string;
  subnets: { id: string; name: string; cidr: string }[];
  createdAt: string;
}

export interface NetworkInterfaceDto {
  id: string;
  name: string;
  status: NetworkStatus;
  vpcId: string;
  vpcName: string;
  subnetId: string;
  subnetName: string;
  fixedIp: string;
  macAddress: string;
  description: string;
  /** Whose it is: an instance, a load balancer, or nobody (free to attach). */
  device: { type: 'instance' | 'load-balancer' | 'other'; id: string; name: string } | null;
  primary: boolean;
  floatingIp: { id: string; address: string } | null;
  securityGroupIds: string[];
  createdAt: string;
}

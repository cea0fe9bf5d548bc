import type { SecurityGroupRule } from '@sandcloud/domain';
import type { FloatingIp, Network, Port, Router as EngineRouter, SecurityGroup, Subnet } from '@sandcloud/engine';
import { osTime } from '../common.ts';
import { macOf } from '../compute/server-view.ts';

/** Neutron's standard attributes: timestamps, revision, tags, description. */
const standard = (resource: { createdAt: number; updatedAt: number; projectId: string | null }) => ({
  tenant_id: resource.projectId ?? '',
  project_id: resource.projectId ?? '',
  created_at: osTime(resource.createdAt),
  updated_at: osTime(resource.updatedAt),
  revision_number: 0,
  tags: [] as string[],
});

export const networkView = (network: Network) => ({
  id: network.id,
  name: network.name,
  status: network.status,
  admin_state_up: network.neutron?.adminStateUp ?? true,
  shared: false,
  subnets: network.subnetIds,
  'router:external': network.external,
  is_default: network.external,
  mtu: 1450,
  port_security_enabled: true,
  availability_zone_hints: [] as string[],
  availability_zones: ['nova'],
  ipv4_address_scope: null,
  ipv6_address_scope: null,
  l2_adjacency: true,
  description: network.description ?? '',
  ...standard(network),
});

const toInt = (ip: string) => ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

/** The addresses a port can get: the subnet's hosts minus the reserved ones at its start. */
export function allocationPools(subnet: Subnet): { start: string; end: string }[] {
  if (subnet.neutron?.allocationPools) return subnet.neutron.allocationPools;
  const [address, bits] = subnet.cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const network = toInt(address ?? '0.0.0.0');
  const reserved = new Set(subnet.reservedIps.map(toInt));
  let start = network + 1;
  while (reserved.has(start)) start += 1;
  const end = network + size - 2;
  return start <= end ? [{ start: toIp(start), end: toIp(end) }] : [];
}

export const subnetView = (subnet: Subnet) => ({
  id: subnet.id,
  name: subnet.name,
  network_id: subnet.networkId,
  ip_version: subnet.ipVersion,
  cidr: subnet.cidr,
  gateway_ip: subnet.gatewayIp || null,
  allocation_pools: allocationPools(subnet),
  dns_nameservers: subnet.neutron?.dnsNameservers ?? [],
  host_routes: subnet.neutron?.hostRoutes ?? [],
  enable_dhcp: subnet.enableDhcp ?? true,
  ipv6_ra_mode: null,
  ipv6_address_mode: null,
  subnetpool_id: null,
  service_types: [] as string[],
  segment_id: null,
  description: subnet.description ?? '',
  ...standard(subnet),
});

export const portView = (port: Port) => ({
  id: port.id,
  name: port.name,
  network_id: port.networkId,
  mac_address: port.neutron?.macAddress ?? macOf(port.id),
  admin_state_up: port.neutron?.adminStateUp ?? true,
  status: port.status,
  device_id: port.deviceId,
  device_owner: port.deviceOwner,
  fixed_ips: port.fixedIp ? [{ subnet_id: port.subnetId, ip_address: port.fixedIp }, ...(port.extraFixedIps ?? []).map((extra) => ({ subnet_id: extra.subnetId, ip_address: extra.ip }))] : [],
  security_groups: port.securityGroupIds,
  allowed_address_pairs: [] as object[],
  extra_dhcp_opts: [] as object[],
  port_security_enabled: true,
  'binding:vnic_type': 'normal',
  description: port.description ?? '',
  ...standard(port),
});

export const routerView = (router: EngineRouter) => ({
  id: router.id,
  name: router.name,
  status: router.status,
  admin_state_up: router.neutron?.adminStateUp ?? true,
  external_gateway_info: router.externalNetworkId ? { network_id: router.externalNetworkId, enable_snat: true, external_fixed_ips: [] as object[] } : null,
  routes: [] as object[],
  availability_zone_hints: [] as string[],
  availability_zones: ['nova'],
  description: router.description ?? '',
  ...standard(router),
});

/** Neutron spells protocols by name; Sandcloud's any-protocol rule is `null`. */
export const ruleView = (rule: SecurityGroupRule, group: SecurityGroup) => ({
  id: rule.id,
  security_group_id: rule.securityGroupId,
  direction: rule.direction,
  ethertype: rule.etherType,
  protocol: rule.protocol === 'icmp' && rule.etherType === 'IPv6' ? 'ipv6-icmp' : rule.protocol,
  port_range_min: rule.portRangeMin,
  port_range_max: rule.portRangeMax,
  remote_ip_prefix: rule.remoteIpPrefix,
  remote_group_id: rule.remoteGroupId,
  remote_address_group_id: null,
  normalized_cidr: rule.remoteIpPrefix,
  description: rule.description,
  belongs_to_default_sg: group.name === 'default',
  ...standard(group),
});

export const securityGroupView = (group: SecurityGroup) => ({
  id: group.id,
  name: group.name,
  description: group.description,
  stateful: true,
  shared: false,
  security_group_rules: group.rules.map((rule) => ruleView(rule, group)),
  ...standard(group),
});

export const floatingIpView = (floatingIp: FloatingIp, externalNetworkId: string, routerId: string | null) => ({
  id: floatingIp.id,
  floating_ip_address: floatingIp.address,
  floating_network_id: externalNetworkId,
  router_id: floatingIp.portId ? routerId : null,
  port_id: floatingIp.portId,
  fixed_ip_address: floatingIp.fixedIp,
  status: floatingIp.status,
  description: '',
  qos_policy_id: null,
  port_details: null,
  ...standard(floatingIp),
});

// The address rules of VPCs, subnets and interfaces, apart from the store: each check throws an
// `invalidInput`/`conflict` with the field and a message a learner can act on.
import { cidrContains, cidrsOverlap, intToIpv4, ipv4ToInt, parseCidr } from '@sandcloud/domain';
import { conflict, invalidInput } from '../core/errors.ts';

/** Widest and narrowest ranges a VPC / a subnet may have (NHN: VPC /8–/28, subnet up to /28; Neutron allows /30). */
export const VPC_PREFIX = { min: 8, max: 28 } as const;
export const SUBNET_PREFIX = { min: 8, max: 30 } as const;

/** A normalised IPv4 CIDR (`10.0.0.0/16`), or an invalid-input error on `field`. */
export function ipv4Cidr(text: string, field: string, bounds: { min: number; max: number }): string {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw invalidInput(parsed.message, field).coded('address.cidrInvalid', { detail: parsed.message });
  if (parsed.cidr.family !== 'IPv4') throw invalidInput(`${text} is IPv6; Sandcloud networks are IPv4 only`, field).coded('address.cidrIpv6', { cidr: text });
  if (!text.includes('/')) throw invalidInput(`${text} has no prefix length; write it like ${text}/24`, field).coded('address.cidrNoPrefix', { cidr: text });
  const { prefix, normalized } = parsed.cidr;
  if (prefix < bounds.min || prefix > bounds.max) {
    throw invalidInput(`${normalized}: the prefix length must be /${bounds.min} to /${bounds.max}`, field).coded('address.prefixRange', { cidr: normalized, min: bounds.min, max: bounds.max });
  }
  return normalized;
}

/** First and last address of a CIDR as integers. */
export function cidrBounds(cidr: string): [number, number] {
  const [network = '0.0.0.0', bits = '32'] = cidr.split('/');
  const start = ipv4ToInt(network);
  return [start, start + 2 ** (32 - Number(bits)) - 1];
}

/** The host addresses a port may take: without the network and broadcast addresses, except in a /31 or /32, which have none (RFC 3021). */
export function hostBounds(cidr: string): [number, number] {
  const [start, end] = cidrBounds(cidr);
  const prefix = Number(cidr.split('/')[1]);
  return prefix <= 30 ? [start + 1, end - 1] : [start, end];
}

export function firstHost(cidr: string): string {
  return intToIpv4(hostBounds(cidr)[0]);
}

/** A subnet range must lie inside its VPC's range, if the VPC has one. */
export function assertInsideVpc(cidr: string, vpc: { name: string; cidr?: string | null }, field = 'cidr'): void {
  if (!vpc.cidr) return;
  const [start, end] = cidrBounds(cidr);
  const [vpcStart, vpcEnd] = cidrBounds(vpc.cidr);
  if (start < vpcStart || end > vpcEnd) throw invalidInput(`${cidr} is outside VPC '${vpc.name}' (${vpc.cidr})`, field).coded('subnet.outsideVpc', { cidr, vpc: vpc.name, vpcCidr: vpc.cidr });
}

/** Where the subnets a new range must not overlap are: a VPC or a routing table, by name. */
export interface SubnetGroup {
  kind: 'VPC' | 'routing table';
  name: string;
}

/** A range must not share an address with another subnet of the same VPC (or router). */
export function assertNoOverlap(cidr: string, others: readonly { name: string; cidr: string }[], where: SubnetGroup, field = 'cidr'): void {
  const clash = others.find((other) => cidrsOverlap(cidr, other.cidr));
  if (clash) {
    const place = where.kind === 'VPC' ? `in VPC '${where.name}'` : `on routing table '${where.name}'`;
    throw conflict(`${cidr} overlaps subnet '${clash.name}' (${clash.cidr}) ${place}`, field).coded('subnet.overlaps', {
      cidr,
      subnet: clash.name,
      subnetCidr: clash.cidr,
      kind: where.kind,
      name: where.name,
    });
  }
}

/** What an address given for a subnet is for, as messages name it (and the console's catalogue translates). */
export type AddressRole = 'IP' | 'gateway' | 'allocation pool start' | 'allocation pool end';
const capitalized = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** A host address of the subnet (not its network or broadcast address), or an error on `field`. */
export function assertHostOf(ip: string, subnet: { name: string; cidr: string }, role: AddressRole, field: string): void {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip) || !cidrContains('0.0.0.0/0', ip)) throw invalidInput(`${ip} is not an IPv4 address`, field).coded('address.notIpv4', { address: ip });
  const what = capitalized(role);
  if (!cidrContains(subnet.cidr, ip)) {
    throw invalidInput(`${what} ${ip} is outside subnet '${subnet.name}' (${subnet.cidr})`, field).coded('address.outsideSubnet', { kind: role, address: ip, subnet: subnet.name, cidr: subnet.cidr });
  }
  const value = ipv4ToInt(ip);
  const [first, last] = hostBounds(subnet.cidr);
  if (value < first || value > last) {
    throw invalidInput(`${what} ${ip} is the network or broadcast address of ${subnet.cidr}`, field).coded('address.networkOrBroadcast', { kind: role, address: ip, cidr: subnet.cidr });
  }
}

/** "web-1, web-2" — sorted, at most five names, then how many more. */
export function nameList(unsorted: readonly string[]): string {
  const names = [...unsorted].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

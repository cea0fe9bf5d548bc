import { ipv4ToInt, parseCidr } from '@sandcloud/domain';
import { conflict, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Store } from '../store/kinds.ts';
import type { Network, Subnet, Router, Port } from './network.ts';

export type { Network, Subnet, Router, Port } from './network.ts';

export const PUBLIC_NETWORK_ID = '00000000-0000-4000-8000-0000000000ee';
export const DEFAULT_NETWORK_NAME = 'Default Network';
export const DEFAULT_SUBNET_CIDR = '192.168.0.0/24';

/**
 * The host addresses of an IPv4 subnet as integers: without the network and broadcast addresses,
 * except in a /31 or /32, which have none (RFC 3021).
 */
function hostRange(cidr: string): [number, number] {
  const parsed = parseCidr(cidr);
  if (!parsed.ok) throw new Error(`Cannot allocate from subnet: ${parsed.message}`);
  const { family, network, prefix } = parsed.cidr;
  if (family !== 'IPv4') throw new Error(`Cannot allocate from ${cidr}: only IPv4 subnets are supported`);
  const start = ipv4ToInt(network);
  const end = start + 2 ** (32 - prefix) - 1;
  return prefix <= 30 ? [start + 1, end - 1] : [start, end];
}

export interface FloatingPoolRange {
  start: string;
  end: string;
}

/**
 * Networks, subnets, routers and the address allocators. Addresses are rows of `ip_allocations`
 * whose primary key (pool, address) is the last word on uniqueness: two creates can never share an
 * address, and a released address is free again for the next one (the lowest free is chosen).
 */
export class NetworkService {
  constructor(
    private readonly store: Store,
    readonly floatingPool: FloatingPoolRange,
  ) {}

  ensurePublicNetwork(): Network {
    const existing = this.store.get('network', PUBLIC_NETWORK_ID);
    if (existing) return existing;
    return this.store.transaction(() =>
      this.store.insert('network', {
        id: PUBLIC_NETWORK_ID,
        projectId: null,
        name: 'Public Network',
        status: 'ACTIVE',
        external: true,
        subnetIds: [],
      }),
    );
  }

  /** The project's "Default Network" 192.168.0.0/24 with its gateway and a router to the Internet. */
  createDefaultNetwork(projectId: string): Network {
    const networkId = newId();
    const subnetId = newId();
    const subnet = this.store.insert('subnet', {
      id: subnetId,
      projectId,
      name: 'Default Subnet',
      status: 'ACTIVE',
      networkId,
      cidr: DEFAULT_SUBNET_CIDR,
      gatewayIp: '192.168.0.1',
      ipVersion: 4,
      reservedIps: ['192.168.0.1', '192.168.0.2', '192.168.0.3'],
    });
    const network = this.store.insert('network', {
      id: networkId,
      projectId,
      name: DEFAULT_NETWORK_NAME,
      status: 'ACTIVE',
      external: false,
      subnetIds: [subnet.id],
    });
    this.store.insert('router', {
      id: newId(),
      projectId,
      name: 'Default Router',
      status: 'ACTIVE',
      externalNetworkId: PUBLIC_NETWORK_ID,
      subnetIds: [subnet.id],
    });
    return network;
  }

  networks(projectId: string): Network[] {
    return this.store.list('network', projectId);
  }

  subnets(projectId: string): Subnet[] {
    return this.store.list('subnet', projectId);
  }

  routers(projectId: string): Router[] {
    return this.store.list('router', projectId);
  }

  ports(projectId: string): Port[] {
    return this.store.list('port', projectId);
  }

  getNetwork(projectId: string, id: string): Network {
    const network = this.store.get('network', id);
    if (!network || network.projectId !== projectId) throw notFound('network', id);
    return network;
  }

  getSubnet(projectId: string, id: string): Subnet {
    const subnet = this.store.get('subnet', id);
    if (!subnet || subnet.projectId !== projectId) throw notFound('subnet', id);
    return subnet;
  }

  getPort(id: string): Port | undefined {
    return this.store.get('port', id);
  }

  /** Creates a port with the next free address of the network's first subnet. */
  createPort(input: {
    projectId: string;
    networkId: string;
    name: string;
    deviceOwner: string;
    deviceId: string;
    securityGroupIds: string[];
  }): Port {
    const network = this.getNetwork(input.projectId, input.networkId);
    const subnet = this.getSubnet(input.projectId, network.subnetIds[0] ?? '');
    const fixedIp = this.lowestFree(subnet.id, ...hostRange(subnet.cidr), subnet.reservedIps);
    if (!fixedIp) throw conflict(`Subnet ${subnet.cidr} of ${network.name} has no free address left`).coded('network.noFreeAddress', { cidr: subnet.cidr, network: network.name });
    const id = newId();
    this.store.ipAllocations.take(subnet.id, fixedIp, id);
    return this.store.insert('port', {
      id,
      projectId: input.projectId,
      name: input.name,
      status: 'ACTIVE',
      networkId: network.id,
      subnetId: subnet.id,
      fixedIp,
      deviceOwner: input.deviceOwner,
      deviceId: input.deviceId,
      securityGroupIds: input.securityGroupIds,
    });
  }

  updatePortSecurityGroups(port: Port, securityGroupIds: string[]): Port {
    return this.store.update('port', port, { securityGroupIds });
  }

  deletePort(port: Port): void {
    this.store.ipAllocations.releaseOwner(port.id);
    this.store.delete('port', port);
  }

  /** Takes the lowest free public address for a floating IP, or null when the pool is exhausted. */
  allocatePublicAddress(ownerId: string): string | null {
    const address = this.lowestFree(PUBLIC_NETWORK_ID, ipv4ToInt(this.floatingPool.start), ipv4ToInt(this.floatingPool.end), []);
    if (address) this.store.ipAllocations.take(PUBLIC_NETWORK_ID, address, ownerId);
    return address;
  }

  releasePublicAddress(ownerId: string): void {
    this.store.ipAllocations.releaseOwner(ownerId, PUBLIC_NETWORK_ID);
  }

  private lowestFree(pool: string, first: number, last: number, reserved: readonly string[]): string | null {
    return this.store.ipAllocations.lowestFree(pool, first, last, reserved);
  }
}

import { DESCRIPTION_MAX_LENGTH, ipv4ToInt } from '@sandcloud/domain';
import { conflict, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { ResourceKinds, Store } from '../store/kinds.ts';
import type { NeutronAttributes, Network, Subnet, Router, Port } from './network.ts';
import { assertHostOf, assertInsideVpc, assertNoOverlap, firstHost, hostBounds, ipv4Cidr, nameList, plural, SUBNET_PREFIX, VPC_PREFIX } from './vpc-rules.ts';

export type { Network, NeutronAttributes, Subnet, Router, Port } from './network.ts';

export const PUBLIC_NETWORK_ID = '00000000-0000-4000-8000-0000000000ee';
export const DEFAULT_NETWORK_NAME = 'Default Network';
export const DEFAULT_SUBNET_CIDR = '192.168.0.0/24';
/** Neutron's device owner of a router's interface port. */
export const ROUTER_INTERFACE_OWNER = 'network:router_interface';
export const isRouterPort = (port: Pick<Port, 'deviceOwner'>): boolean => port.deviceOwner.startsWith('network:router');

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
  /** Run before a port goes (its floating IP lets go), and after a port moved to another address (its floating IP follows). */
  readonly hooks: { beforePortDelete: ((port: Port) => void)[]; afterAddressChange: ((port: Port) => void)[] } = { beforePortDelete: [], afterAddressChange: [] };

  constructor(
    private readonly store: Store,
    readonly floatingPool: FloatingPoolRange,
  ) {}

  /** Several of this service's calls as one: all or nothing (an adapter's create-then-set). */
  transaction<T>(work: () => T): T {
    return this.store.transaction(work);
  }

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
    const network = this.findNetwork(projectId, id);
    if (!network) throw notFound('network', id);
    return network;
  }

  /** The project's network with this id, or undefined (indexed, unlike a search of `networks`). */
  findNetwork(projectId: string, id: string): Network | undefined {
    const network = this.store.get('network', id);
    return network?.projectId === projectId ? network : undefined;
  }

  /** Any project's subnet, for an administrator's read (Neutron's admin sees every project's). */
  findSubnetAnyProject(id: string): Subnet | undefined {
    return this.store.get('subnet', id);
  }

  getSubnet(projectId: string, id: string): Subnet {
    const subnet = this.store.get('subnet', id);
    if (!subnet || subnet.projectId !== projectId) throw notFound('subnet', id);
    return subnet;
  }

  getPort(id: string): Port | undefined {
    return this.store.get('port', id);
  }

  /**
   * Creates a port: on `subnetId` (or the network's first subnet) with `fixedIp` if given (checked:
   * inside the subnet, not the gateway or a reserved address, not used), else the lowest free one.
   */
  createPort(input: {
    projectId: string;
    networkId?: string;
    subnetId?: string;
    fixedIp?: string;
    name: string;
    description?: string;
    deviceOwner: string;
    deviceId: string;
    securityGroupIds: string[];
    autoDelete?: boolean;
    /** Neutron: a port on a network without a subnet has no address (`fixed_ips: []`). */
    addressOptional?: boolean;
  }): Port {
    if (input.addressOptional && input.networkId && !input.subnetId && !input.fixedIp) {
      const bare = this.getNetwork(input.projectId, input.networkId);
      if (bare.subnetIds.length === 0) {
        return this.store.insert('port', {
          id: newId(),
          projectId: input.projectId,
          name: input.name,
          status: input.deviceId ? 'ACTIVE' : 'DOWN',
          networkId: bare.id,
          subnetId: '',
          fixedIp: '',
          deviceOwner: input.deviceOwner,
          deviceId: input.deviceId,
          securityGroupIds: input.securityGroupIds,
          ...(input.description ? { description: input.description } : {}),
        });
      }
    }
    const { network, subnet } = this.placeOf(input.projectId, input.networkId, input.subnetId);
    let fixedIp: string | null;
    if (input.fixedIp !== undefined && input.fixedIp !== '') {
      fixedIp = input.fixedIp;
      this.assertFreeAddress(subnet, fixedIp, 'fixedIp');
    } else {
      const reserved = [...subnet.reservedIps, subnet.gatewayIp].filter(Boolean);
      const pools = subnet.neutron?.allocationPools;
      fixedIp = pools
        ? pools.reduce<string | null>((found, pool) => found ?? this.lowestFree(subnet.id, ipv4ToInt(pool.start), ipv4ToInt(pool.end), reserved), null)
        : this.lowestFree(subnet.id, ...hostBounds(subnet.cidr), reserved);
      if (!fixedIp) throw conflict(`Subnet ${subnet.cidr} of ${network.name} has no free address left`, 'subnetId').coded('network.noFreeAddress', { cidr: subnet.cidr, network: network.name });
    }
    const id = newId();
    this.store.ipAllocations.take(subnet.id, fixedIp, id);
    return this.store.insert('port', {
      id,
      projectId: input.projectId,
      name: input.name,
      status: input.deviceId ? 'ACTIVE' : 'DOWN',
      networkId: network.id,
      subnetId: subnet.id,
      fixedIp,
      deviceOwner: input.deviceOwner,
      deviceId: input.deviceId,
      securityGroupIds: input.securityGroupIds,
      ...(input.description ? { description: input.description } : {}),
      ...(input.autoDelete ? { autoDelete: true } : {}),
    });
  }

  /** A free network interface (no device yet), as the console and Neutron create one. */
  createFreePort(
    projectId: string,
    input: { networkId?: string; subnetId?: string; fixedIp?: string; name?: string; description?: string; securityGroupIds: string[] },
  ): Port {
    const name = assertName(input.name ?? '', 'name', true);
    return this.store.transaction(() =>
      this.createPort({
        projectId,
        ...(input.networkId ? { networkId: input.networkId } : {}),
        ...(input.subnetId ? { subnetId: input.subnetId } : {}),
        ...(input.fixedIp ? { fixedIp: input.fixedIp } : {}),
        name,
        ...(input.description ? { description: assertDescription(input.description) } : {}),
        deviceOwner: '',
        deviceId: '',
        securityGroupIds: input.securityGroupIds,
      }),
    );
  }

  /** The network and subnet a new port goes on: the subnet given (which must be on the network), else the network's first. */
  placeOf(projectId: string, networkId: string | undefined, subnetId: string | undefined): { network: Network; subnet: Subnet } {
    if (subnetId) {
      const subnet = this.store.get('subnet', subnetId);
      if (!subnet || subnet.projectId !== projectId) throw invalidInput(`No subnet with id ${subnetId} in this project`, 'subnetId').coded('resource.notInProject', { kind: 'subnet', id: subnetId });
      if (networkId && subnet.networkId !== networkId) {
        throw invalidInput(`Subnet '${subnet.name}' is not in network ${networkId}`, 'subnetId').coded('subnet.notInNetwork', { subnet: subnet.name, network: networkId });
      }
      return { network: this.getNetwork(projectId, subnet.networkId), subnet };
    }
    if (!networkId) throw invalidInput('Choose a network or a subnet', 'networkId').coded('port.placeRequired');
    const network = this.store.get('network', networkId);
    if (!network || network.projectId !== projectId) throw invalidInput(`No network with id ${networkId} in this project`, 'networkId').coded('resource.notInProject', { kind: 'network', id: networkId });
    const first = network.subnetIds[0];
    if (!first) throw conflict(`VPC '${network.name}' has no subnet yet; create one first`, 'networkId').coded('vpc.noSubnet', { name: network.name });
    return { network, subnet: this.getSubnet(projectId, first) };
  }

  /** A fixed IP a port may take on the subnet, or an error saying who has it. */
  assertFreeAddress(subnet: Subnet, ip: string, field: string): void {
    assertHostOf(ip, subnet, 'IP', field);
    if (ip === subnet.gatewayIp) throw conflict(`IP ${ip} is the gateway of subnet '${subnet.name}'`, field).coded('address.isGateway', { address: ip, subnet: subnet.name });
    if (subnet.reservedIps.includes(ip)) {
      const reserved = subnet.reservedIps.join(', ');
      throw conflict(`IP ${ip} is reserved in subnet '${subnet.name}' (${reserved})`, field).coded('address.reserved', { address: ip, subnet: subnet.name, reserved });
    }
    if (this.store.ipAllocations.isTaken(subnet.id, ip)) {
      const holder = this.store.findBy('port', 'subnetId', subnet.id).find((port) => port.fixedIp === ip);
      if (!holder) throw conflict(`IP ${ip} is already used`, field).coded('address.inUse', { address: ip });
      throw conflict(`IP ${ip} is already used by ${this.portLabel(holder)}`, field).coded('address.inUseBy', { address: ip, ...this.portUser(holder) });
    }
  }

  /** How a port is named in messages: its instance's name, else its own name, else its address. */
  portLabel(port: Port): string {
    if (port.deviceId) {
      const instance = this.store.get('instance', port.deviceId);
      if (instance) return instance.name;
      const lb = this.store.get('load-balancer', port.deviceId);
      if (lb) return `load balancer ${lb.name}`;
    }
    return port.name || port.fixedIp;
  }

  /**
   * Who uses a port, for a message's `kind` and `holder`: its instance, load balancer or routing
   * table, else the port itself (a free network interface, by name or address).
   */
  portUser(port: Port): { kind: 'instance' | 'load balancer' | 'routing table' | 'network interface'; holder: string } {
    if (port.deviceId) {
      const instance = this.store.get('instance', port.deviceId);
      if (instance) return { kind: 'instance', holder: instance.name };
      const lb = this.store.get('load-balancer', port.deviceId);
      if (lb) return { kind: 'load balancer', holder: lb.name };
      const router = this.store.get('router', port.deviceId);
      if (router) return { kind: 'routing table', holder: router.name };
    }
    return { kind: 'network interface', holder: port.name || port.fixedIp };
  }

  /** The name of a subnet's VPC, for messages (its id if the VPC is gone). */
  private networkName(subnet: Subnet): string {
    return this.store.get('network', subnet.networkId)?.name ?? subnet.networkId;
  }

  /** Every port an instance has, its primary (the one it was created with) first. */
  interfacesOf(instance: { id: string; portId: string | null }): Port[] {
    const ports = this.store.findBy('port', 'deviceId', instance.id);
    return [...ports].sort((a, b) => (a.id === instance.portId ? -1 : b.id === instance.portId ? 1 : a.createdAt - b.createdAt));
  }

  updatePort(projectId: string, id: string, input: { name?: string; description?: string; securityGroupIds?: string[] }): Port {
    return this.store.transaction(() => {
      const port = this.getProjectPort(projectId, id);
      const changes: Partial<Port> = {};
      if (input.name !== undefined) changes.name = assertName(input.name, 'name', true);
      if (input.description !== undefined) changes.description = assertDescription(input.description);
      if (input.securityGroupIds !== undefined) changes.securityGroupIds = [...input.securityGroupIds];
      return this.store.update('port', port, changes, 'Port updated');
    });
  }

  /**
   * Moves a port to another address: `fixedIp` on its subnet, or on `subnetId` (another subnet of
   * its network; the lowest free address there without `fixedIp`), checked like a chosen fixed IP.
   */
  changeAddress(projectId: string, id: string, target: { subnetId?: string; fixedIp?: string }): Port {
    return this.store.transaction(() => {
      const port = this.getProjectPort(projectId, id);
      const subnetId = target.subnetId ?? port.subnetId;
      if (subnetId === port.subnetId && (!target.fixedIp || target.fixedIp === port.fixedIp)) return port;
      const subnet = this.getSubnet(projectId, subnetId);
      if (subnet.networkId !== port.networkId) throw invalidInput(`Subnet '${subnet.name}' is not on the port's network`, 'subnetId').coded('port.subnetOtherNetwork', { subnet: subnet.name });
      let fixedIp = target.fixedIp;
      if (fixedIp) this.assertFreeAddress(subnet, fixedIp, 'fixedIp');
      else {
        fixedIp = this.lowestFree(subnet.id, ...hostBounds(subnet.cidr), [...subnet.reservedIps, subnet.gatewayIp].filter(Boolean)) ?? undefined;
        if (!fixedIp) throw conflict(`Subnet ${subnet.cidr} has no free address left`, 'subnetId').coded('network.noFreeAddress', { cidr: subnet.cidr, network: this.networkName(subnet) });
      }
      this.store.ipAllocations.releaseOwner(port.id);
      this.store.ipAllocations.take(subnet.id, fixedIp, port.id);
      for (const extra of port.extraFixedIps ?? []) this.store.ipAllocations.take(extra.subnetId, extra.ip, port.id);
      const moved = this.store.update('port', port, { subnetId: subnet.id, fixedIp }, `Fixed IP ${port.fixedIp || 'none'} → ${fixedIp}`);
      for (const hook of this.hooks.afterAddressChange) hook(moved);
      return moved;
    });
  }

  /**
   * Neutron's fixed IPs of a port after its first (`fixed_ips[1:]`): each on a subnet of the port's
   * network, the given address or the subnet's lowest free one, reserved as the first is. Replaces
   * the port's previous extra addresses. Refused on an instance's port (a guest's interface has one
   * address).
   */
  setExtraFixedIps(projectId: string, id: string, wanted: { subnetId?: string; fixedIp?: string }[]): Port {
    return this.store.transaction(() => {
      const port = this.getProjectPort(projectId, id);
      if (wanted.length > 0 && port.deviceOwner.startsWith('compute:')) {
        throw conflict(`Port ${port.name || port.id} belongs to an instance, whose interface has one address; a second fixed IP is not simulated`, 'fixedIps').coded('network.oneAddressPerInterface', { port: port.name || port.id });
      }
      if (wanted.length === 0 && (port.extraFixedIps ?? []).length === 0) return port;
      // Free the old extra addresses (the first stays taken), then take the new ones.
      this.store.ipAllocations.releaseOwner(port.id);
      if (port.fixedIp) this.store.ipAllocations.take(port.subnetId, port.fixedIp, port.id);
      const extra = wanted.map((entry) => {
        const inSubnet = (candidate: Subnet) => {
          const [low, high] = hostBounds(candidate.cidr);
          const at = ipv4ToInt(entry.fixedIp!);
          return low <= at && at <= high;
        };
        const subnetId = entry.subnetId ?? (entry.fixedIp ? this.subnetsOf(this.getNetwork(projectId, port.networkId)).find(inSubnet)?.id : undefined) ?? port.subnetId;
        const subnet = this.getSubnet(projectId, subnetId);
        if (subnet.networkId !== port.networkId) throw invalidInput(`Subnet '${subnet.name}' is not on the port's network`, 'subnetId').coded('network.subnetNotOnNetwork', { subnet: subnet.name });
        let ip = entry.fixedIp;
        if (ip) this.assertFreeAddress(subnet, ip, 'fixedIp');
        else {
          ip = this.lowestFree(subnet.id, ...hostBounds(subnet.cidr), [...subnet.reservedIps, subnet.gatewayIp].filter(Boolean)) ?? undefined;
          if (!ip) throw conflict(`Subnet ${subnet.cidr} has no free address left`, 'subnetId').coded('network.noFreeAddress', { cidr: subnet.cidr, network: port.networkId });
        }
        this.store.ipAllocations.take(subnet.id, ip, port.id);
        return { subnetId: subnet.id, ip };
      });
      return this.store.update('port', port, { extraFixedIps: extra }, extra.length > 0 ? `Fixed IPs: ${[port.fixedIp, ...extra.map((e) => e.ip)].join(', ')}` : `Fixed IP: ${port.fixedIp}`);
    });
  }

  getProjectPort(projectId: string, id: string): Port {
    const port = this.store.get('port', id);
    if (!port || port.projectId !== projectId) throw notFound('port', id);
    return port;
  }

  /** Deletes a port nobody uses: refused while an instance or a load balancer holds it. */
  deleteUnusedPort(projectId: string, id: string): void {
    this.store.transaction(() => {
      const port = this.getProjectPort(projectId, id);
      if (isRouterPort(port)) {
        throw conflict(`Port ${port.fixedIp} is a routing table's interface; remove the interface from the routing table instead`).coded('port.routerInterface', { address: port.fixedIp });
      }
      if (port.deviceId && (this.store.get('instance', port.deviceId) || this.store.get('load-balancer', port.deviceId))) {
        throw conflict(`Network interface '${port.name || port.fixedIp}' is attached to ${this.portLabel(port)}; detach it first`).coded('port.inUse', {
          port: port.name || port.fixedIp,
          ...this.portUser(port),
        });
      }
      this.deletePort(port);
    });
  }

  /** Binds a port to a device (an instance attaching it) or unbinds it (`deviceId` ''). */
  bindPort(port: Port, deviceId: string, deviceOwner: string, note: string): Port {
    return this.store.update('port', port, { deviceId, deviceOwner, status: deviceId ? 'ACTIVE' : 'DOWN' }, note);
  }

  updatePortSecurityGroups(port: Port, securityGroupIds: string[]): Port {
    return this.store.update('port', port, { securityGroupIds });
  }

  deletePort(port: Port): void {
    for (const hook of this.hooks.beforePortDelete) hook(port);
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

  // ——— VPCs (networks), subnets and routing tables (routers) ————————————————————————————

  /** A VPC: a name and, from the console, an address range its subnets must lie in. */
  createNetwork(projectId: string, input: { name: string; cidr?: string | null; description?: string }): Network {
    // Neutron allows an unnamed network; the console's schema asks for a name.
    const name = assertName(input.name, 'name', true);
    const cidr = input.cidr ? ipv4Cidr(input.cidr, 'cidr', VPC_PREFIX) : null;
    const description = input.description === undefined ? '' : assertDescription(input.description);
    return this.store.transaction(() =>
      this.store.insert('network', { id: newId(), projectId, name, status: 'ACTIVE', external: false, subnetIds: [], cidr, description }),
    );
  }

  /** The console's VPC: the network and its default routing table `<name>-rt` with the internet gateway, as NHN makes them. */
  createVpc(projectId: string, input: { name: string; cidr: string; description?: string }): Network {
    return this.store.transaction(() => {
      const vpc = this.createNetwork(projectId, input);
      this.createRouter(projectId, { name: `${vpc.name}-rt`, externalGateway: true, networkId: vpc.id });
      return vpc;
    });
  }

  /** Rename, describe, or change the range (every subnet must still lie inside it). */
  updateNetwork(projectId: string, id: string, input: { name?: string; cidr?: string; description?: string }): Network {
    return this.store.transaction(() => {
      const network = this.getNetwork(projectId, id);
      const changes: Partial<Network> = {};
      if (input.name !== undefined) changes.name = assertName(input.name, 'name', true);
      if (input.description !== undefined) changes.description = assertDescription(input.description);
      if (input.cidr !== undefined && input.cidr !== network.cidr) {
        const cidr = ipv4Cidr(input.cidr, 'cidr', VPC_PREFIX);
        const vpc = { name: changes.name ?? network.name, cidr };
        for (const subnet of this.subnetsOf(network)) {
          try {
            assertInsideVpc(subnet.cidr, vpc);
          } catch {
            throw conflict(`Subnet '${subnet.name}' (${subnet.cidr}) would be outside ${cidr}; change or delete it first`, 'cidr').coded('vpc.subnetOutside', {
              subnet: subnet.name,
              cidr: subnet.cidr,
              vpcCidr: cidr,
            });
          }
        }
        changes.cidr = cidr;
      }
      return this.store.update('network', network, changes, 'VPC updated');
    });
  }

  /**
   * Deletes a VPC with its subnets and its own routing tables, refused while anything but a routing
   * table has a port on it, or another VPC's routing table still routes one of its subnets.
   */
  deleteNetwork(projectId: string, id: string): void {
    this.store.transaction(() => {
      const network = this.getNetwork(projectId, id);
      const users = this.store.findBy('port', 'networkId', network.id).filter((port) => !isRouterPort(port));
      if (users.length > 0) {
        const ports = nameList(users.map((p) => this.portLabel(p)));
        throw conflict(`VPC '${network.name}' has ${plural(users.length, 'port')}: ${ports}`).coded('network.portsInUse', { kind: 'VPC', name: network.name, count: users.length, ports });
      }
      const subnets = this.subnetsOf(network);
      const own = this.store.list('router', projectId).filter((router) => router.networkId === network.id);
      for (const subnet of subnets) {
        const foreign = this.routersOf(subnet.id).filter((router) => router.networkId !== network.id);
        if (foreign.length > 0) {
          throw conflict(`Subnet '${subnet.name}' of VPC '${network.name}' is attached to routing table '${foreign[0]!.name}'; remove that interface first`).coded('subnet.onRoutingTable', {
            subnet: subnet.name,
            routingTable: foreign[0]!.name,
          });
        }
      }
      for (const router of own) {
        for (const port of this.routerPorts(router)) this.deletePort(port);
        this.store.delete('router', router);
      }
      for (const subnet of subnets) this.store.delete('subnet', subnet);
      this.store.delete('network', network);
    });
  }

  /** The ports with an address on the subnet. */
  portsOfSubnet(subnetId: string): Port[] {
    return this.store.findBy('port', 'subnetId', subnetId);
  }

  /** How many more addresses the subnet can give out: its host addresses less the reserved ones and those ports hold. */
  availableAddresses(subnet: Subnet): number {
    const [first, last] = hostBounds(subnet.cidr);
    const used = new Set([...subnet.reservedIps, subnet.gatewayIp, ...this.portsOfSubnet(subnet.id).map((port) => port.fixedIp)].filter(Boolean));
    return Math.max(0, last - first + 1 - used.size);
  }

  /** A subnet by id in any project (callers check the project), or undefined. */
  findSubnet(id: string): Subnet | undefined {
    return this.store.get('subnet', id);
  }

  subnetsOf(network: Network): Subnet[] {
    return this.store.findBy('subnet', 'networkId', network.id);
  }

  /** The routing tables with an interface on the subnet. */
  routersOf(subnetId: string): Router[] {
    return this.store.findBy('router', 'subnetIds', subnetId);
  }

  /**
   * A subnet inside its VPC's range, overlapping none of the VPC's other subnets, with a gateway
   * inside it (its first host by default; `null` for none). `routerId` attaches it to a routing table.
   */
  createSubnet(
    projectId: string,
    input: { networkId: string; name: string; cidr: string; gatewayIp?: string | null; enableDhcp?: boolean; description?: string; routerId?: string },
  ): Subnet {
    const name = assertName(input.name, 'name', true);
    const cidr = ipv4Cidr(input.cidr, 'cidr', SUBNET_PREFIX);
    const description = input.description === undefined ? '' : assertDescription(input.description);
    return this.store.transaction(() => {
      const network = this.store.get('network', input.networkId);
      if (!network || network.projectId !== projectId) throw invalidInput(`No VPC with id ${input.networkId} in this project`, 'networkId').coded('resource.notInProject', { kind: 'VPC', id: input.networkId });
      assertInsideVpc(cidr, network);
      assertNoOverlap(cidr, this.subnetsOf(network), { kind: 'VPC', name: network.name });
      const gatewayIp = input.gatewayIp === null ? '' : (input.gatewayIp ?? firstHost(cidr));
      if (gatewayIp) assertHostOf(gatewayIp, { name, cidr }, 'gateway', 'gatewayIp');
      const subnet = this.store.insert('subnet', {
        id: newId(),
        projectId,
        name,
        status: 'ACTIVE',
        networkId: network.id,
        cidr,
        gatewayIp,
        ipVersion: 4,
        reservedIps: gatewayIp ? [gatewayIp] : [],
        enableDhcp: input.enableDhcp ?? true,
        description,
      });
      this.store.update('network', network, { subnetIds: [...network.subnetIds, subnet.id] }, `Subnet ${name} (${cidr}) added`);
      if (input.routerId) this.addRouterInterface(projectId, input.routerId, subnet.id);
      return this.store.get('subnet', subnet.id)!;
    });
  }

  /** The console's subnet: on the routing table chosen, on none (`routerId` null), or by default on the VPC's own (its first). */
  createVpcSubnet(projectId: string, input: Omit<Parameters<NetworkService['createSubnet']>[1], 'routerId'> & { routerId?: string | null }): Subnet {
    const { routerId, ...subnet } = input;
    const table = routerId === undefined ? this.routers(projectId).find((router) => router.networkId === input.networkId)?.id : routerId;
    return this.createSubnet(projectId, { ...subnet, ...(table ? { routerId: table } : {}) });
  }

  updateSubnet(projectId: string, id: string, input: { name?: string; description?: string; enableDhcp?: boolean; gatewayIp?: string | null }): Subnet {
    return this.store.transaction(() => {
      const subnet = this.getSubnet(projectId, id);
      const changes: Partial<Subnet> = {};
      if (input.name !== undefined) changes.name = assertName(input.name, 'name', true);
      if (input.description !== undefined) changes.description = assertDescription(input.description);
      if (input.enableDhcp !== undefined) changes.enableDhcp = input.enableDhcp;
      if (input.gatewayIp !== undefined && (input.gatewayIp ?? '') !== subnet.gatewayIp) {
        const gatewayIp = input.gatewayIp ?? '';
        if (gatewayIp) {
          assertHostOf(gatewayIp, subnet, 'gateway', 'gatewayIp');
          const holder = this.store.findBy('port', 'subnetId', subnet.id).find((port) => port.fixedIp === gatewayIp);
          if (holder) {
            throw conflict(`Gateway ${gatewayIp} is already used by ${this.portLabel(holder)}`, 'gatewayIp').coded('address.inUseBy', { address: gatewayIp, ...this.portUser(holder) });
          }
        }
        changes.gatewayIp = gatewayIp;
        changes.reservedIps = [...subnet.reservedIps.filter((ip) => ip !== subnet.gatewayIp), ...(gatewayIp ? [gatewayIp] : [])];
      }
      return this.store.update('subnet', subnet, changes, 'Subnet updated');
    });
  }

  /**
   * Deletes a subnet no port uses. With `detachRouters` its routing-table interfaces go with it (the
   * console); without, an interface refuses the delete as Neutron does.
   */
  deleteSubnet(projectId: string, id: string, options: { detachRouters: boolean }): void {
    this.store.transaction(() => {
      const subnet = this.getSubnet(projectId, id);
      const users = this.store.findBy('port', 'subnetId', subnet.id).filter((port) => !isRouterPort(port));
      if (users.length > 0) {
        const ports = nameList(users.map((p) => this.portLabel(p)));
        throw conflict(`subnet '${subnet.name}' has ${plural(users.length, 'port')}: ${ports}`).coded('network.portsInUse', { kind: 'subnet', name: subnet.name, count: users.length, ports });
      }
      const routers = this.routersOf(subnet.id);
      if (routers.length > 0 && !options.detachRouters) {
        throw conflict(`subnet '${subnet.name}' is attached to routing table '${routers[0]!.name}'; remove the interface first`).coded('subnet.onRoutingTable', {
          subnet: subnet.name,
          routingTable: routers[0]!.name,
        });
      }
      for (const router of routers) this.detachInterface(router, subnet, this.routerPorts(router).find((p) => p.subnetId === subnet.id));
      const network = this.store.get('network', subnet.networkId);
      if (network) this.store.update('network', network, { subnetIds: network.subnetIds.filter((s) => s !== subnet.id) }, `Subnet ${subnet.name} deleted`);
      this.store.ipAllocations.releaseOwner(subnet.id);
      this.store.delete('subnet', subnet);
    });
  }

  getRouter(projectId: string, id: string): Router {
    const router = this.store.get('router', id);
    if (!router || router.projectId !== projectId) throw notFound('router', id);
    return router;
  }

  /** A routing table, with the internet gateway attached (`externalGateway`) or not; `networkId` is the VPC it belongs to. */
  createRouter(projectId: string, input: { name: string; externalGateway: boolean; networkId?: string; description?: string }): Router {
    const name = assertName(input.name, 'name', true);
    const description = input.description === undefined ? '' : assertDescription(input.description);
    return this.store.transaction(() => {
      if (input.networkId) this.getNetwork(projectId, input.networkId);
      return this.store.insert('router', {
        id: newId(),
        projectId,
        name,
        status: 'ACTIVE',
        externalNetworkId: input.externalGateway ? this.ensurePublicNetwork().id : null,
        subnetIds: [],
        ...(input.networkId ? { networkId: input.networkId } : {}),
        description,
      });
    });
  }

  updateRouter(projectId: string, id: string, input: { name?: string; description?: string; externalGateway?: boolean }): Router {
    return this.store.transaction(() => {
      const router = this.getRouter(projectId, id);
      const changes: Partial<Router> = {};
      if (input.name !== undefined) changes.name = assertName(input.name, 'name', true);
      if (input.description !== undefined) changes.description = assertDescription(input.description);
      let note = 'Routing table updated';
      if (input.externalGateway !== undefined && input.externalGateway !== (router.externalNetworkId !== null)) {
        changes.externalNetworkId = input.externalGateway ? this.ensurePublicNetwork().id : null;
        note = input.externalGateway ? 'Internet gateway attached' : 'Internet gateway detached';
      }
      return this.store.update('router', router, changes, note);
    });
  }

  /**
   * Routes the subnet through the router: refused if another routing table has it, or its range
   * overlaps one already routed. The interface is a port of the router on the subnet's gateway
   * address (Neutron's `network:router_interface`), or `portId`, a free port of the subnet.
   */
  addRouterInterface(projectId: string, routerId: string, subnetId: string | null, portId?: string): { router: Router; port: Port } {
    return this.store.transaction(() => {
      const router = this.getRouter(projectId, routerId);
      let given: Port | undefined;
      if (portId) {
        given = this.store.get('port', portId);
        if (!given || given.projectId !== projectId) throw invalidInput(`No port with id ${portId} in this project`, 'portId').coded('resource.notInProject', { kind: 'port', id: portId });
        if (given.deviceId) throw conflict(`Port ${given.id} is in use by ${this.portLabel(given)}`, 'portId').coded('port.inUse', { port: given.name || given.fixedIp, ...this.portUser(given) });
      }
      const subnet = this.store.get('subnet', given?.subnetId ?? subnetId ?? '');
      if (!subnet || subnet.projectId !== projectId) {
        throw invalidInput(`No subnet with id ${subnetId} in this project`, 'subnetId').coded('resource.notInProject', { kind: 'subnet', id: String(subnetId) });
      }
      if (router.subnetIds.includes(subnet.id)) {
        throw conflict(`Subnet '${subnet.name}' is already attached to routing table '${router.name}'`, 'subnetId').coded('routingTable.hasSubnet', { subnet: subnet.name, routingTable: router.name });
      }
      const other = this.routersOf(subnet.id)[0];
      if (other) {
        throw conflict(`Subnet '${subnet.name}' is already attached to routing table '${other.name}'; remove it there first`, 'subnetId').coded('subnet.onRoutingTable', {
          subnet: subnet.name,
          routingTable: other.name,
        });
      }
      const routed = router.subnetIds.map((id) => this.store.get('subnet', id)).filter((s): s is Subnet => s !== undefined);
      assertNoOverlap(subnet.cidr, routed, { kind: 'routing table', name: router.name }, 'subnetId');
      let port: Port;
      if (given) {
        port = this.bindPort(given, router.id, ROUTER_INTERFACE_OWNER, `Interface of routing table ${router.name}`);
      } else {
        const id = newId();
        const gatewayFree = subnet.gatewayIp && !this.store.ipAllocations.isTaken(subnet.id, subnet.gatewayIp);
        const fixedIp = gatewayFree ? subnet.gatewayIp : this.lowestFree(subnet.id, ...hostBounds(subnet.cidr), subnet.reservedIps);
        if (!fixedIp) {
          throw conflict(`Subnet ${subnet.cidr} has no free address left for the interface`, 'subnetId').coded('network.noFreeAddress', { cidr: subnet.cidr, network: this.networkName(subnet) });
        }
        this.store.ipAllocations.take(subnet.id, fixedIp, id);
        port = this.store.insert('port', {
          id,
          projectId,
          name: '',
          status: 'ACTIVE',
          networkId: subnet.networkId,
          subnetId: subnet.id,
          fixedIp,
          deviceOwner: ROUTER_INTERFACE_OWNER,
          deviceId: router.id,
          securityGroupIds: [],
          autoDelete: true,
        });
      }
      const updated = this.store.update('router', router, { subnetIds: [...router.subnetIds, subnet.id] }, `Interface on ${subnet.name} (${subnet.cidr}) added`);
      return { router: updated, port };
    });
  }

  /** The router's interface ports (one per routed subnet, when made through this service). */
  routerPorts(router: Router): Port[] {
    return this.store.findBy('port', 'deviceId', router.id).filter(isRouterPort);
  }

  /** Removes the router's interface on the subnet (or the one that is `portId`) and its port. */
  removeRouterInterface(projectId: string, routerId: string, subnetId: string | null, portId?: string): { router: Router; subnetId: string; port: Port | undefined } {
    return this.store.transaction(() => {
      const router = this.getRouter(projectId, routerId);
      const byPort = portId ? this.routerPorts(router).find((p) => p.id === portId) : undefined;
      if (portId && !byPort) throw notFound('interface of router', portId);
      const target = byPort?.subnetId ?? subnetId ?? '';
      const subnet = this.store.get('subnet', target);
      if (!subnet || !router.subnetIds.includes(target)) {
        throw conflict(`Routing table '${router.name}' has no interface on subnet ${subnet ? `'${subnet.name}'` : target}`, 'subnetId').coded('routingTable.noInterface', {
          routingTable: router.name,
          subnet: subnet ? subnet.name : target,
        });
      }
      const port = byPort ?? this.routerPorts(router).find((p) => p.subnetId === subnet.id);
      this.detachInterface(router, subnet, port);
      return { router: this.store.get('router', router.id)!, subnetId: subnet.id, port };
    });
  }

  /** The interface's port goes with it, also one a client gave (as Neutron deletes it). */
  private detachInterface(router: Router, subnet: Subnet, port: Port | undefined): void {
    if (port) this.deletePort(port);
    const current = this.store.get('router', router.id)!;
    this.store.update('router', current, { subnetIds: current.subnetIds.filter((id) => id !== subnet.id) }, `Interface on ${subnet.name} removed`);
  }

  /** Deletes a routing table without interfaces ("routing table 'r' has interfaces on subnets: a, b"). */
  deleteRouter(projectId: string, id: string): void {
    this.store.transaction(() => {
      const router = this.getRouter(projectId, id);
      if (router.subnetIds.length > 0) {
        const names = router.subnetIds.map((s) => this.store.get('subnet', s)?.name ?? s);
        throw conflict(`routing table '${router.name}' has interfaces on ${plural(names.length, 'subnet')}: ${nameList(names)}; remove them first`).coded('routingTable.hasInterfaces', {
          name: router.name,
          count: names.length,
          subnets: nameList(names),
        });
      }
      this.store.delete('router', router);
    });
  }

  /** `noInternetRoute` of every subnet of the project, from one list of subnets and one of routers. */
  internetRoutes(projectId: string): Map<string, string | null> {
    const routers = this.routers(projectId);
    const routes = new Map<string, string | null>();
    for (const subnet of this.subnets(projectId)) {
      const on = routers.filter((router) => router.subnetIds.includes(subnet.id));
      routes.set(subnet.id, describeRoute(subnet, on));
    }
    return routes;
  }

  /**
   * Sets attributes only the Neutron API shows (admin state, DNS servers, host routes, allocation
   * pools); pools are checked to lie inside the subnet and clear of its gateway.
   */
  setNeutronAttributes<K extends 'network' | 'subnet' | 'router' | 'port'>(kind: K, record: ResourceKinds[K], changes: NeutronAttributes): ResourceKinds[K] {
    if (kind === 'subnet' && changes.allocationPools) {
      const subnet = record as Subnet;
      for (const pool of changes.allocationPools) {
        assertHostOf(pool.start, subnet, 'allocation pool start', 'allocationPools');
        assertHostOf(pool.end, subnet, 'allocation pool end', 'allocationPools');
        if (ipv4ToInt(pool.start) > ipv4ToInt(pool.end)) {
          throw invalidInput(`Allocation pool ${pool.start}-${pool.end} starts after it ends`, 'allocationPools').coded('subnet.poolReversed', { start: pool.start, end: pool.end });
        }
        if (subnet.gatewayIp && ipv4ToInt(pool.start) <= ipv4ToInt(subnet.gatewayIp) && ipv4ToInt(subnet.gatewayIp) <= ipv4ToInt(pool.end)) {
          throw conflict(`Gateway ip ${subnet.gatewayIp} conflicts with allocation pool ${pool.start}-${pool.end}`, 'allocationPools').coded('subnet.gatewayInPool', {
            gateway: subnet.gatewayIp,
            start: pool.start,
            end: pool.end,
          });
        }
      }
    }
    return this.store.transaction(() => this.store.update(kind, record, { neutron: { ...record.neutron, ...changes } } as Partial<ResourceKinds[K]>));
  }

  // ——— routes: what the simulation asks ————————————————————————————————————————————

  /** Whether traffic between two subnets has a route: the same subnet, or a routing table with interfaces on both. */
  routable(fromSubnetId: string, toSubnetId: string): boolean {
    if (fromSubnetId === toSubnetId) return true;
    return this.routersOf(fromSubnetId).some((router) => router.subnetIds.includes(toSubnetId));
  }

  /**
   * Why a port has no route to an internet gateway, or null when it has one (its subnet is on a
   * routing table whose internet gateway is attached).
   */
  noInternetRoute(port: Pick<Port, 'subnetId'>): string | null {
    const subnet = this.store.get('subnet', port.subnetId);
    if (!subnet) return 'its subnet is gone';
    return describeRoute(subnet, this.routersOf(subnet.id));
  }

  private lowestFree(pool: string, first: number, last: number, reserved: readonly string[]): string | null {
    return this.store.ipAllocations.lowestFree(pool, first, last, reserved);
  }
}

/** Names of VPCs, subnets and routing tables: 1–255 characters, no control characters (Neutron allows an empty router/port name). */
function assertName(name: string, field: string, emptyAllowed = false): string {
  const trimmed = name.trim();
  if (trimmed === '' && !emptyAllowed) throw invalidInput('Enter a name', field).coded('name.required');
  if (trimmed.length > 255) throw invalidInput('Names have at most 255 characters', field).coded('name.tooLong', { max: 255 });
  if (/\p{Cc}/u.test(trimmed)) throw invalidInput('Names may not contain control characters', field).coded('name.controlCharacters');
  return trimmed;
}

function assertDescription(description: string): string {
  if (description.length > DESCRIPTION_MAX_LENGTH) {
    throw invalidInput(`Descriptions have at most ${DESCRIPTION_MAX_LENGTH} characters`, 'description').coded('description.tooLong', { max: DESCRIPTION_MAX_LENGTH });
  }
  return description;
}

/** Why a subnet has no route to an internet gateway through these routing tables, or null. */
function describeRoute(subnet: Subnet, routers: readonly Router[]): string | null {
  if (routers.some((router) => router.externalNetworkId !== null)) return null;
  if (routers.length === 0) return `subnet '${subnet.name}' is on no routing table`;
  return `routing table '${routers[0]!.name}' of subnet '${subnet.name}' has no internet gateway`;
}

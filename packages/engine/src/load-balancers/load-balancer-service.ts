import {
  HEALTH_MONITOR_TYPES,
  LISTENER_PROTOCOLS,
  LOAD_BALANCER_LIFECYCLE,
  POOL_PROTOCOLS,
  type HealthMonitorType,
  listenerName,
  poolProtocolFor,
  type LbAlgorithm,
  type ListenerProtocol,
  type LoadBalancerAction,
  type LoadBalancerLifecycleAction,
  type OperatingStatus,
  type PoolProtocol,
  type ProvisioningStatus,
} from '@sandcloud/domain';
import type { Clock } from '../core/clock.ts';
import { conflict, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { LifecycleMachine, LifecycleRunner } from '../core/lifecycle-runner.ts';
import type { Instance } from '../compute/instance.ts';
import type { FloatingIpService } from '../floating-ips/floating-ip-service.ts';
import { LOAD_BALANCER_DEVICE_OWNER } from '../queries/port-owner.ts';
import type { NetworkService, Port, Subnet } from '../networking/network-service.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import type { LoadBalancerRouting, PickedMember } from '../traffic/load-balancer-routing.ts';
import type { MemberHealth } from '../traffic/member-health.ts';
import type { TrafficService } from '../traffic/traffic-service.ts';
import type { BalancingRequest } from './balancing.ts';
import type { HealthProbe } from './health.ts';
import type { LoadBalancerRecords } from './load-balancer-records.ts';
import {
  EMPTY_STATS,
  enabled,
  type HealthMonitor,
  LB_KINDS,
  LISTENER_POOL_PROTOCOLS,
  OCTAVIA_POOL_PROTOCOLS,
  type OctaviaListenerProtocol,
  type OctaviaPoolProtocol,
  type Listener,
  type LoadBalancer,
  type LoadBalancerStats,
  type Member,
  type Pool,
} from './load-balancer.ts';
import { insertHeaders } from './insert-headers.ts';
import type { LoadBalancerReachabilityVerdict } from './reachability.ts';
import { ipFamily } from '@sandcloud/domain';
import * as validate from './validation.ts';
import type { HealthMonitorInput, ListenerInput, MemberInput, PoolInput, SessionPersistenceInput } from './validation.ts';

export interface CreateLoadBalancerInput {
  name: string;
  description?: string | undefined;
  subnetId: string;
  /** An existing, unused port of the project to take as the VIP (Octavia's `vip_port_id`); else one is created. */
  vipPortId?: string | undefined;
  /** Octavia `vip_address`: the VIP's address on the subnet (free, in its range); else the next free one. */
  vipAddress?: string | undefined;
  /** Octavia `admin_state_up: false`: created disabled (it takes no traffic until enabled). */
  adminStateUp?: boolean | undefined;
  /** The first listener and its pool (the console's combined create); without them the load balancer is bare (Octavia). */
  listener?: ListenerInput | undefined;
  pool?: PoolInput | undefined;
}

export interface UpdateListenerInput {
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
  insertHeaders?: Record<string, unknown> | undefined;
  connectionLimit?: number | undefined;
  keepAliveTimeoutSeconds?: number | undefined;
  allowedCidrs?: string[] | undefined;
  lbAlgorithm?: LbAlgorithm | undefined;
  sessionPersistence?: SessionPersistenceInput | null | undefined;
}

/** A pool the console can show: its protocol and monitor type are the console's vocabulary. */
export type ConsolePool = Pool & { protocol: PoolProtocol; healthMonitor: (HealthMonitor & { type: HealthMonitorType }) | null };

/** A listener with its pool and members, and the pool's operating status summarised. */
export interface ListenerView {
  listener: Listener & { protocol: ListenerProtocol };
  pool: ConsolePool;
  members: Member[];
  operatingStatus: OperatingStatus;
}

/** A pool with its members, whether it belongs to a listener or only to the load balancer (Octavia). */
export interface PoolView {
  pool: Pool;
  members: Member[];
  operatingStatus: OperatingStatus;
}

/** Every row of a load balancer, as Octavia lists them: listeners with or without a pool, every pool. */
export interface LoadBalancerParts {
  loadBalancer: LoadBalancer;
  listeners: Listener[];
  pools: PoolView[];
}

export interface CreatePoolInput {
  /** The listener whose default pool it becomes (it must have none); null: the load balancer's only. */
  listenerId: string | null;
  protocol: OctaviaPoolProtocol;
  lbAlgorithm: LbAlgorithm;
  sessionPersistence?: SessionPersistenceInput | null | undefined;
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
}

/** An Octavia member: an address and port on the member subnet, a project server's or not. */
export interface AddressMemberInput {
  address: string;
  protocolPort: number;
  subnetId?: string | undefined;
  name?: string | undefined;
  weight?: number | undefined;
  adminStateUp?: boolean | undefined;
  monitorAddress?: string | null | undefined;
  monitorPort?: number | null | undefined;
}

/** What Octavia's PUT may change on a load balancer, listener or pool besides the console's fields. */
export interface OctaviaSettings {
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
}

export interface LoadBalancerView {
  loadBalancer: LoadBalancer;
  listeners: ListenerView[];
}

/** Parts of the model kept in their own files (L7 policies, `l7-service.ts`): told when their rows settle and go. */
export interface LoadBalancerExtension {
  settle(lb: LoadBalancer): void;
  listenerRemoved(listener: Listener): void;
  /** Throws to refuse deleting a pool something still uses. */
  poolRemoving(pool: Pool): void;
  removingLoadBalancer(lb: LoadBalancer): void;
}

/** What a load balancer's provisioning finds missing (its subnet, its VIP port): the message says what. */
class MissingDependencyError extends Error {}

const poolMemberField = (index: number, key: string) => `pool.members.${index}.${key}`;

const isConsoleListener = (listener: Listener): listener is Listener & { protocol: ListenerProtocol } => (LISTENER_PROTOCOLS as readonly string[]).includes(listener.protocol);
const isConsolePool = (pool: Pool): pool is ConsolePool =>
  (POOL_PROTOCOLS as readonly string[]).includes(pool.protocol) && (!pool.healthMonitor || (HEALTH_MONITOR_TYPES as readonly string[]).includes(pool.healthMonitor.type));

/** Octavia's descriptions: at most 255 characters, '' when absent. */
function optionalDescription(text: string | undefined): string {
  const description = (text ?? '').trim();
  if (description.length > 255) throw invalidInput('Descriptions have at most 255 characters', 'description').coded('description.tooLong', { max: 255 });
  return description;
}

/** An Octavia member's fields checked before anything changes (`field` prefixes the keys of a batch's items). */
function addressMember(input: AddressMemberInput, field: string) {
  return {
    address: ipv4Address(input.address, `${field}address`),
    protocolPort: validate.port(input.protocolPort, 'Protocol port', `${field}protocolPort`),
    subnetId: input.subnetId,
    name: input.name?.trim() ?? '',
    weight: validate.weight(input.weight, `${field}weight`),
    adminStateUp: input.adminStateUp !== false,
    monitorAddress: input.monitorAddress ? ipv4Address(input.monitorAddress, `${field}monitorAddress`) : null,
    monitorPort: input.monitorPort === undefined || input.monitorPort === null ? null : validate.port(input.monitorPort, 'Monitor port', `${field}monitorPort`),
  };
}

const memberTaken = (member: { address: string; protocolPort: number }) =>
  conflict(`Another member on this pool is already using ip ${member.address} on protocol_port ${member.protocolPort}`, 'address').coded('loadBalancer.memberAddressTaken', {
    address: member.address,
    port: member.protocolPort,
  });

/** Load balancers here are IPv4: a member or VIP address is a dotted IPv4 address. */
function ipv4Address(text: string, field: string): string {
  const address = text.trim();
  if (ipFamily(address) !== 'IPv4') throw invalidInput(`${text} is not an IPv4 address`, field).coded('address.notIpv4', { address: text });
  return address;
}

/**
 * Octavia load balancers as resources over simulated time: create (PENDING_CREATE → ACTIVE), change
 * listeners and members (PENDING_UPDATE → ACTIVE), delete (PENDING_DELETE → gone), with the
 * provisioning status of every child row. The states are `LOAD_BALANCER_LIFECYCLE`
 * (`@sandcloud/domain`), run by the lifecycle runner; this service holds its task functions. What traffic does with them — member choice, health
 * checks, connectivity verdicts — is the traffic module's (`traffic/`); this service tells it when
 * pools come and go.
 */
export class LoadBalancerService {
  private readonly lifecycle: LifecycleMachine<LoadBalancer, LoadBalancerLifecycleAction>;
  private readonly extensions: LoadBalancerExtension[] = [];

  constructor(
    private readonly store: ResourceStore,
    lifecycles: LifecycleRunner,
    private readonly clock: Clock,
    private readonly records: LoadBalancerRecords,
    private readonly deps: {
      network: NetworkService;
      floatingIps: FloatingIpService;
      health: MemberHealth;
      routing: LoadBalancerRouting;
      /** Late-bound: the traffic module is built after the services it reads. */
      traffic: () => TrafficService;
    },
  ) {
    const provisioning = {
      complete: (lb: LoadBalancer) => this.finishProvisioning(lb),
      failure: (lb: LoadBalancer, error: unknown) => {
        const missing = error instanceof Error ? error.message : String(error);
        return { changes: { operatingStatus: 'OFFLINE' as const, errorReason: `${lb.name} cannot work: ${missing}` }, note: `ERROR: ${missing}` };
      },
    };
    this.lifecycle = lifecycles.define<LoadBalancer, LoadBalancerLifecycleAction>({
      kind: LB_KINDS.loadBalancer,
      lifecycle: LOAD_BALANCER_LIFECYCLE,
      tasks: { create: provisioning, update: provisioning, delete: { complete: (lb) => this.remove(lb) } },
      // The operating status follows (OFFLINE until it serves; its pools' summary once ACTIVE).
      changed: (lb) => this.deps.health.refreshOperatingStatus(lb.id),
    });
  }

  extend(extension: LoadBalancerExtension): void {
    this.extensions.push(extension);
  }

  /** A change of the load balancer made by an extension: 409 unless ACTIVE, then PENDING_UPDATE until applied. */
  applyChange<T>(projectId: string, id: string, note: string, work: (lb: LoadBalancer) => T): T {
    return this.change(projectId, id, note, work);
  }

  /** The traffic module's health probe (kept here for adapters that set it on load balancers). */
  setHealthProbe(probe: HealthProbe): void {
    this.deps.health.setProbe(probe);
  }

  /** The traffic module's member choice (kept here for adapters that ask load balancers). */
  pickMember(loadBalancerId: string, port: number, request: BalancingRequest): PickedMember | null {
    return this.deps.routing.pickMember(loadBalancerId, port, request);
  }

  /** The traffic module's verdict on a connection to the load balancer's floating IP. */
  testConnectivity(projectId: string, id: string, port: number, sourceIp?: string): LoadBalancerReachabilityVerdict {
    return this.deps.traffic().loadBalancerVerdict(projectId, id, port, sourceIp);
  }

  list(projectId: string): LoadBalancer[] {
    return this.store.list<LoadBalancer>(LB_KINDS.loadBalancer, projectId);
  }

  get(projectId: string, id: string): LoadBalancer {
    const lb = this.store.get<LoadBalancer>(LB_KINDS.loadBalancer, id);
    if (!lb || lb.projectId !== projectId) throw notFound('load balancer', id);
    return lb;
  }

  /** The load balancer with its listeners, pools and members, as the detail screen shows it. */
  view(lb: LoadBalancer): LoadBalancerView {
    const listeners: ListenerView[] = [];
    for (const listener of this.listenersOf(lb)) {
      const pool = this.defaultPoolOf(listener);
      // Octavia-only listeners (UDP, SCTP, PROXY pools, PING monitors…) are the Octavia API's to show.
      if (!isConsoleListener(listener) || !isConsolePool(pool)) continue;
      const members = this.membersOf(pool);
      listeners.push({ listener, pool, members, operatingStatus: this.deps.health.poolStatus(lb, members) });
    }
    return { loadBalancer: lb, listeners };
  }

  allowedActions(lb: LoadBalancer): LoadBalancerAction[] {
    return this.lifecycle.allowed(lb).filter((action): action is LoadBalancerAction => action !== 'create');
  }

  history(projectId: string, id: string) {
    return this.store.history(this.get(projectId, id).id);
  }

  /** `[+ Load Balancer 생성]`: the VIP, the first listener, its pool, members and health monitor, in one transaction. */
  create(projectId: string, input: CreateLoadBalancerInput): LoadBalancer {
    const name = input.name.trim();
    if (!name) throw invalidInput('Enter a name', 'name').coded('name.required');
    const description = (input.description ?? '').trim();
    if (description.length > 255) throw invalidInput('Descriptions have at most 255 characters', 'description').coded('description.tooLong', { max: 255 });
    if (!input.listener !== !input.pool) throw invalidInput('Give the listener together with its pool', input.listener ? 'pool' : 'listener').coded('loadBalancer.listenerWithoutPool');
    const listener = input.listener ? validate.listenerSettings(input.listener, this.clock.now(), 'listener') : null;
    const pool = input.pool && listener ? this.poolSettings(input.pool, listener.protocol, 'pool') : null;
    const vipAddress = input.vipAddress === undefined ? undefined : ipv4Address(input.vipAddress, 'vipAddress');

    return this.store.transaction(() => {
      const subnet = this.deps.network.subnets(projectId).find((candidate) => candidate.id === input.subnetId);
      if (!subnet) throw invalidInput(`No subnet with id ${input.subnetId} in this project`, 'subnetId').coded('resource.notInProject', { kind: 'subnet', id: input.subnetId });
      const members = input.pool ? this.resolveMembers(projectId, subnet, input.pool.members, poolMemberField) : [];
      const id = newId();
      const given = input.vipPortId ? this.deps.network.getPort(input.vipPortId) : undefined;
      if (input.vipPortId && (!given || given.projectId !== projectId)) throw invalidInput(`No port with id ${input.vipPortId} in this project`, 'vipPortId').coded('resource.notInProject', { kind: 'port', id: input.vipPortId });
      if (given && given.deviceOwner) throw conflict(`Port ${given.id} is already used by ${given.deviceOwner}`, 'vipPortId').coded('loadBalancer.vipPortInUse', { port: given.id, owner: given.deviceOwner });
      if (given && given.subnetId !== subnet.id) throw invalidInput(`Port ${given.id} is not on subnet ${subnet.id}`, 'vipPortId').coded('loadBalancer.vipPortOtherSubnet', { port: given.id, subnet: subnet.id });
      if (given && vipAddress && given.fixedIp !== vipAddress) {
        throw invalidInput(`Port ${given.id} has the address ${given.fixedIp}, not ${vipAddress}`, 'vipAddress').coded('loadBalancer.vipAddressNotPort', { port: given.id, address: vipAddress });
      }
      const port = given
        ? this.store.update<Port>('port', given, { deviceOwner: LOAD_BALANCER_DEVICE_OWNER, deviceId: id })
        : this.deps.network.createPort({
            projectId,
            networkId: subnet.networkId,
            ...(vipAddress ? { subnetId: subnet.id, fixedIp: vipAddress } : {}),
            name,
            deviceOwner: LOAD_BALANCER_DEVICE_OWNER,
            deviceId: id,
            securityGroupIds: [],
          });
      const lb = this.lifecycle.create('create', {
        id,
        projectId,
        name,
        status: 'PENDING_CREATE',
        operatingStatus: 'OFFLINE',
        description,
        vipNetworkId: subnet.networkId,
        vipSubnetId: subnet.id,
        vipPortId: port.id,
        vipAddress: port.fixedIp,
        ...(given ? { vipPortGiven: true } : {}),
        stats: { ...EMPTY_STATS },
        errorReason: null,
        adminStateUp: input.adminStateUp !== false,
      });
      if (listener && pool) this.insertListener(lb, listener, pool, members, 'PENDING_CREATE');
      return lb;
    });
  }

  update(projectId: string, id: string, changes: { name?: string | undefined; description?: string | undefined; adminStateUp?: boolean | undefined }): LoadBalancer {
    const name = changes.name?.trim();
    if (name !== undefined && !name) throw invalidInput('Enter a name', 'name').coded('name.required');
    if (changes.description !== undefined && changes.description.length > 255) throw invalidInput('Descriptions have at most 255 characters', 'description').coded('description.tooLong', { max: 255 });
    return this.change(projectId, id, 'Load balancer updated', (lb) => {
      const port = lb.vipPortId ? this.deps.network.getPort(lb.vipPortId) : undefined;
      if (port && name && name !== port.name) this.store.update<Port>('port', port, { name });
      this.store.update<LoadBalancer>(LB_KINDS.loadBalancer, lb, {
        ...(name ? { name } : {}),
        ...(changes.description !== undefined ? { description: changes.description.trim() } : {}),
        ...(changes.adminStateUp !== undefined ? { adminStateUp: changes.adminStateUp } : {}),
      });
    }, true);
  }

  /**
   * Octavia's failover (an admin's): the simulation has no amphora VM to replace, so the load balancer
   * reprovisions in place, PENDING_UPDATE → ACTIVE (its data plane keeps serving, as Octavia's
   * active/standby pair does). Any project's load balancer; only an ACTIVE one.
   */
  failover(id: string): LoadBalancer {
    return this.store.transaction(() => {
      const lb = this.records.loadBalancer(id);
      if (!lb) throw notFound('load balancer', id);
      return this.lifecycle.begin(lb, 'update', {}, 'Failover: reprovisioned in place (no amphora to replace in the simulation)');
    });
  }

  /** Starts deleting; the VIP, its floating IP association and every child go when it completes. */
  delete(projectId: string, id: string): LoadBalancer {
    return this.store.transaction(() => this.lifecycle.begin(this.get(projectId, id), 'delete'));
  }

  addListener(projectId: string, id: string, input: { listener: ListenerInput; pool: PoolInput }): Listener {
    const listener = validate.listenerSettings(input.listener, this.clock.now(), 'listener');
    const pool = this.poolSettings(input.pool, listener.protocol, 'pool');
    return this.change(projectId, id, `Listener ${listenerName(listener.protocol, listener.protocolPort)} added`, (lb) => {
      const subnet = this.subnetOf(lb);
      const members = this.resolveMembers(projectId, subnet, input.pool.members, poolMemberField);
      return this.insertListener(lb, listener, pool, members, 'PENDING_CREATE');
    });
  }

  updateListener(projectId: string, id: string, listenerId: string, changes: UpdateListenerInput): Listener {
    return this.change(projectId, id, 'Listener updated', (lb) => {
      const listener = this.listenerOf(lb, listenerId);
      const pool = changes.lbAlgorithm !== undefined || changes.sessionPersistence !== undefined ? this.defaultPoolOf(listener) : this.records.pool(listener.poolId);
      const listenerChanges: Partial<Listener> = { status: 'PENDING_UPDATE' };
      if (changes.name !== undefined && changes.name.trim()) listenerChanges.name = changes.name.trim();
      if (changes.description !== undefined) listenerChanges.description = optionalDescription(changes.description);
      if (changes.adminStateUp !== undefined) listenerChanges.adminStateUp = changes.adminStateUp;
      if (changes.insertHeaders !== undefined) listenerChanges.insertHeaders = insertHeaders(changes.insertHeaders, listener.protocol);
      if (changes.connectionLimit !== undefined) {
        listenerChanges.connectionLimit = validate.wholeNumber(changes.connectionLimit, 'Connection limit', validate.LIMITS.connectionLimit, 'connectionLimit');
      }
      if (changes.keepAliveTimeoutSeconds !== undefined) {
        listenerChanges.keepAliveTimeoutSeconds = validate.wholeNumber(
          changes.keepAliveTimeoutSeconds,
          'Keep-alive timeout (s)',
          validate.LIMITS.keepAliveTimeoutSeconds,
          'keepAliveTimeoutSeconds',
        );
      }
      if (changes.allowedCidrs !== undefined) listenerChanges.allowedCidrs = validate.allowedCidrs(changes.allowedCidrs, 'allowedCidrs');
      const poolChanges: Partial<Pool> = { status: 'PENDING_UPDATE' };
      if (changes.lbAlgorithm !== undefined) poolChanges.lbAlgorithm = validate.algorithm(changes.lbAlgorithm, 'lbAlgorithm');
      if (changes.sessionPersistence !== undefined) {
        poolChanges.sessionPersistence = validate.sessionPersistence(changes.sessionPersistence, listener.protocol, 'sessionPersistence');
      }
      if (pool) {
        this.store.update<Pool>(LB_KINDS.pool, pool, poolChanges);
        this.deps.routing.resetPool(pool.id);
      }
      return this.store.update<Listener>(LB_KINDS.listener, listener, listenerChanges, `Listener ${listener.name} updated`);
    });
  }

  /** The last listener stays: a load balancer without one serves nothing (delete the load balancer instead). */
  deleteListener(projectId: string, id: string, listenerId: string): void {
    this.change(projectId, id, 'Listener deleted', (lb) => {
      const listener = this.listenerOf(lb, listenerId);
      if (this.listenersOf(lb).length <= 1) {
        throw conflict(`Listener ${listener.name} is the last listener of ${lb.name}; delete the load balancer instead`).coded('loadBalancer.lastListener', { listener: listener.name, loadBalancer: lb.name });
      }
      this.removeListener(listener);
    });
  }

  addMember(projectId: string, id: string, listenerId: string, input: MemberInput): Member {
    return this.change(projectId, id, 'Member added', (lb) => {
      const listener = this.listenerOf(lb, listenerId);
      const pool = this.defaultPoolOf(listener);
      const [resolved] = this.resolveMembers(projectId, this.subnetOf(lb), [input], (_index, key) => key);
      const existing = this.membersOf(pool).find((member) => member.instanceId === resolved!.instance.id);
      if (existing) throw conflict(`${existing.name} is already a member of listener ${listener.name}`, 'instanceId').coded('loadBalancer.alreadyMember', { instance: existing.name, listener: listener.name });
      return this.insertMember(lb, pool, resolved!, 'PENDING_CREATE');
    });
  }

  /** `weight`, and enable/disable: a disabled member takes no traffic and is not health-checked. */
  updateMember(projectId: string, id: string, memberId: string, changes: { weight?: number | undefined; adminStateUp?: boolean | undefined }): Member {
    return this.change(projectId, id, 'Member updated', (lb) => {
      const member = this.memberOf(lb, memberId);
      const pool = this.store.get<Pool>(LB_KINDS.pool, member.poolId)!;
      const memberChanges: Partial<Member> = { status: 'PENDING_UPDATE' };
      if (changes.weight !== undefined) memberChanges.weight = validate.weight(changes.weight, 'weight');
      if (changes.adminStateUp !== undefined && changes.adminStateUp !== member.adminStateUp) {
        memberChanges.adminStateUp = changes.adminStateUp;
        memberChanges.operatingStatus = !changes.adminStateUp ? 'OFFLINE' : this.monitoring(pool) ? 'ONLINE' : 'NO_MONITOR';
        memberChanges.health = { consecutiveSuccesses: 0, consecutiveFailures: 0 };
      }
      const note = changes.adminStateUp === undefined ? undefined : `Member ${changes.adminStateUp ? 'enabled' : 'disabled'}`;
      return this.store.update<Member>(LB_KINDS.member, member, memberChanges, note);
    });
  }

  removeMember(projectId: string, id: string, memberId: string): void {
    this.change(projectId, id, 'Member removed', (lb) => {
      const member = this.memberOf(lb, memberId);
      this.store.delete(LB_KINDS.member, member);
    });
  }

  /** Edits a listener's health check; the checks restart on the new interval, keeping each member's status. */
  updateHealthMonitor(projectId: string, id: string, listenerId: string, input: HealthMonitorInput): Pool {
    const monitor = validate.healthMonitor(input, '');
    return this.change(projectId, id, 'Health check updated', (lb) => {
      const listener = this.listenerOf(lb, listenerId);
      const pool = this.defaultPoolOf(listener);
      this.deps.health.restart(pool, monitor);
      return this.store.update<Pool>(LB_KINDS.pool, pool, { healthMonitor: monitor, status: 'PENDING_UPDATE' }, `Health check ${monitor.type} port ${monitor.monitorPort}`);
    });
  }

  // ——— Octavia's separate steps: a bare load balancer (create without listener), then a listener, a
  // pool, members and a health monitor one at a time. Each is a change of the load balancer (PENDING_UPDATE). ———

  /** Every listener and pool of the load balancer, including listeners without a pool and pools without a listener. */
  parts(lb: LoadBalancer): LoadBalancerParts {
    const pools = this.records.poolsOf(lb).map((pool): PoolView => {
      const members = this.membersOf(pool);
      return { pool, members, operatingStatus: this.deps.health.poolStatus(lb, members) };
    });
    return { loadBalancer: lb, listeners: this.records.allListenersOf(lb), pools };
  }

  /** A listener without a pool: it accepts nothing until a pool is created on it. Octavia's protocols (UDP, SCTP) too. */
  addBareListener(
    projectId: string,
    id: string,
    input: Omit<ListenerInput, 'protocol'> & { protocol: OctaviaListenerProtocol; insertHeaders?: Record<string, unknown> | undefined } & OctaviaSettings,
  ): Listener {
    const settings = validate.listenerSettings(input, this.clock.now(), 'listener', { octavia: true });
    const inserted = insertHeaders(input.insertHeaders, settings.protocol);
    const name = input.name?.trim() ?? `${settings.protocol}:${settings.protocolPort}`;
    const description = optionalDescription(input.description);
    return this.change(projectId, id, `Listener ${name || settings.protocolPort} added`, (lb) => {
      this.assertPortFree(lb, settings.protocolPort);
      return this.store.insert<Listener>(LB_KINDS.listener, {
        id: newId(),
        projectId: lb.projectId,
        name,
        status: 'PENDING_CREATE',
        loadBalancerId: lb.id,
        ...settings,
        description,
        adminStateUp: input.adminStateUp !== false,
        insertHeaders: inserted,
        poolId: null,
      });
    });
  }

  /** Deletes any listener (the last one too); its default pool stays on the load balancer, as in Octavia. */
  deleteListenerKeepingPool(projectId: string, id: string, listenerId: string): void {
    this.change(projectId, id, 'Listener deleted', (lb) => {
      const listener = this.listenerOf(lb, listenerId);
      const pool = this.records.pool(listener.poolId);
      if (pool) this.store.update<Pool>(LB_KINDS.pool, pool, { listenerId: null });
      for (const extension of this.extensions) extension.listenerRemoved(listener);
      this.store.delete(LB_KINDS.listener, listener);
    });
  }

  /** An empty pool, a listener's default pool or the load balancer's only; members and a monitor come later. */
  addPool(projectId: string, id: string, input: CreatePoolInput): Pool {
    const lbAlgorithm = validate.algorithm(input.lbAlgorithm, 'lbAlgorithm');
    if (!OCTAVIA_POOL_PROTOCOLS.includes(input.protocol)) {
      throw invalidInput(`Pool protocol is one of ${OCTAVIA_POOL_PROTOCOLS.join(', ')}`, 'protocol').coded('input.oneOf', { field: 'protocol', allowed: OCTAVIA_POOL_PROTOCOLS.join(', ') });
    }
    const description = optionalDescription(input.description);
    return this.change(projectId, id, 'Pool added', (lb) => {
      const listener = input.listenerId ? this.listenerOf(lb, input.listenerId) : null;
      if (listener?.poolId) throw conflict(`Listener ${listener.name} already has a default pool`, 'listenerId').coded('loadBalancer.listenerHasPool', { listener: listener.name || listener.id });
      if (listener && !LISTENER_POOL_PROTOCOLS[listener.protocol].includes(input.protocol)) {
        throw invalidInput(
          `The pool protocol '${input.protocol}' is invalid while the listener protocol is '${listener.protocol}'.`,
          'protocol',
        ).coded('loadBalancer.poolProtocolMismatch', { protocol: input.protocol, listenerProtocol: listener.protocol });
      }
      const sessionPersistence = validate.sessionPersistence(input.sessionPersistence, listener?.protocol ?? input.protocol, 'sessionPersistence');
      const pool = this.store.insert<Pool>(LB_KINDS.pool, {
        id: newId(),
        projectId: lb.projectId,
        name: input.name?.trim() ?? '',
        status: 'PENDING_CREATE',
        loadBalancerId: lb.id,
        listenerId: listener?.id ?? null,
        protocol: input.protocol,
        description,
        adminStateUp: input.adminStateUp !== false,
        lbAlgorithm,
        memberPort: 0,
        sessionPersistence,
        healthMonitor: null,
      });
      if (listener) this.store.update<Listener>(LB_KINDS.listener, listener, { poolId: pool.id, status: 'PENDING_UPDATE' });
      return pool;
    });
  }

  updatePool(
    projectId: string,
    id: string,
    poolId: string,
    changes: OctaviaSettings & { lbAlgorithm?: LbAlgorithm | undefined; sessionPersistence?: SessionPersistenceInput | null | undefined },
  ): Pool {
    const description = changes.description === undefined ? undefined : optionalDescription(changes.description);
    return this.change(projectId, id, 'Pool updated', (lb) => {
      const pool = this.poolOf(lb, poolId);
      const poolChanges: Partial<Pool> = { status: 'PENDING_UPDATE' };
      if (changes.lbAlgorithm !== undefined) poolChanges.lbAlgorithm = validate.algorithm(changes.lbAlgorithm, 'lbAlgorithm');
      if (changes.sessionPersistence !== undefined) poolChanges.sessionPersistence = validate.sessionPersistence(changes.sessionPersistence, pool.protocol, 'sessionPersistence');
      if (changes.name !== undefined) poolChanges.name = changes.name.trim();
      if (description !== undefined) poolChanges.description = description;
      if (changes.adminStateUp !== undefined) poolChanges.adminStateUp = changes.adminStateUp;
      this.deps.routing.resetPool(pool.id);
      const note = changes.adminStateUp === undefined || changes.adminStateUp === enabled(pool) ? undefined : `Pool ${changes.adminStateUp ? 'enabled' : 'disabled'}`;
      return this.store.update<Pool>(LB_KINDS.pool, pool, poolChanges, note);
    });
  }

  /** Deletes a pool with its members and monitor; its listener keeps running without a pool. */
  deletePool(projectId: string, id: string, poolId: string): void {
    this.change(projectId, id, 'Pool deleted', (lb) => {
      const pool = this.poolOf(lb, poolId);
      const listener = pool.listenerId ? this.store.get<Listener>(LB_KINDS.listener, pool.listenerId) : undefined;
      if (listener) this.store.update<Listener>(LB_KINDS.listener, listener, { poolId: null, status: 'PENDING_UPDATE' });
      this.removePool(pool);
    });
  }

  /**
   * An Octavia member: an address and port. When a project server owns the address on the member
   * subnet, traffic and checks go to it; when none does, the member is kept as Octavia keeps it, gets
   * no traffic and fails its health checks (there is nobody to answer). Each member has its own port;
   * the first member of an empty pool sets the pool's port (the console's `[Instance Port]`).
   */
  addAddressMember(projectId: string, id: string, poolId: string, input: AddressMemberInput): Member {
    const member = addressMember(input, '');
    return this.change(projectId, id, 'Member added', (lb) => {
      const pool = this.poolOf(lb, poolId);
      const taken = this.membersOf(pool).find((candidate) => candidate.address === member.address && candidate.protocolPort === member.protocolPort);
      if (taken) throw memberTaken(member);
      return this.insertAddressMember(projectId, lb, pool, member);
    });
  }

  /**
   * Octavia's batch update (`PUT …/members`): the pool's members become the list. A member whose
   * address and port are in the list is updated in place (same id), the others are deleted, and the
   * list's new addresses are added; one PENDING_UPDATE of the load balancer for all of it.
   */
  replaceAddressMembers(projectId: string, id: string, poolId: string, inputs: AddressMemberInput[]): Member[] {
    const members = inputs.map((input, index) => addressMember(input, `members.${index}.`));
    const seen = new Set<string>();
    for (const member of members) {
      const key = `${member.address}:${member.protocolPort}`;
      if (seen.has(key)) throw memberTaken(member);
      seen.add(key);
    }
    return this.change(projectId, id, `Members replaced (${members.length})`, (lb) => {
      const pool = this.poolOf(lb, poolId);
      const existing = this.membersOf(pool);
      const keep = new Set<string>();
      const result = members.map((member) => {
        const current = existing.find((candidate) => candidate.address === member.address && candidate.protocolPort === member.protocolPort);
        if (!current) return this.insertAddressMember(projectId, lb, pool, member);
        keep.add(current.id);
        const changes: Partial<Member> = { status: 'PENDING_UPDATE', name: member.name, weight: member.weight, monitorAddress: member.monitorAddress, monitorPort: member.monitorPort };
        if (member.adminStateUp !== current.adminStateUp) {
          changes.adminStateUp = member.adminStateUp;
          changes.operatingStatus = !member.adminStateUp ? 'OFFLINE' : this.monitoring(pool) ? 'ONLINE' : 'NO_MONITOR';
          changes.health = { consecutiveSuccesses: 0, consecutiveFailures: 0 };
        }
        return this.store.update<Member>(LB_KINDS.member, current, changes);
      });
      for (const member of existing) if (!keep.has(member.id)) this.store.delete(LB_KINDS.member, member);
      this.deps.routing.resetPool(pool.id);
      return result;
    });
  }

  /** A validated address member into the pool (inside a change); the first member sets the pool's port. */
  private insertAddressMember(projectId: string, lb: LoadBalancer, pool: Pool, member: ReturnType<typeof addressMember>): Member {
    const subnetId = member.subnetId ?? lb.vipSubnetId;
    const subnet = member.subnetId ? this.deps.network.subnets(projectId).find((candidate) => candidate.id === subnetId) : this.subnetOf(lb);
    if (!subnet) throw invalidInput(`No subnet with id ${subnetId} in this project`, 'subnetId').coded('resource.notInProject', { kind: 'subnet', id: subnetId });
    const instanceId = this.serverAt(projectId, subnet, member.address);
    let target = pool;
    if (target.memberPort === 0) {
      const monitor = target.healthMonitor ? { ...target.healthMonitor, monitorPort: member.protocolPort } : null;
      target = this.store.update<Pool>(LB_KINDS.pool, target, { memberPort: member.protocolPort, healthMonitor: monitor });
    }
    return this.store.insert<Member>(LB_KINDS.member, {
      id: newId(),
      projectId: lb.projectId,
      name: member.name,
      status: 'PENDING_CREATE',
      operatingStatus: !member.adminStateUp ? 'OFFLINE' : this.monitoring(target) ? 'ONLINE' : 'NO_MONITOR',
      loadBalancerId: lb.id,
      poolId: target.id,
      instanceId,
      subnetId: subnet.id,
      address: member.address,
      protocolPort: member.protocolPort,
      monitorAddress: member.monitorAddress,
      monitorPort: member.monitorPort,
      monitorInstanceId: member.monitorAddress ? this.serverAt(projectId, subnet, member.monitorAddress) : instanceId,
      weight: member.weight,
      adminStateUp: member.adminStateUp,
      health: { consecutiveSuccesses: 0, consecutiveFailures: 0 },
    });
  }

  /** Octavia's member update: name, weight, admin_state_up, monitor_address and monitor_port. */
  updateAddressMember(
    projectId: string,
    id: string,
    memberId: string,
    changes: { name?: string | undefined; weight?: number | undefined; adminStateUp?: boolean | undefined; monitorAddress?: string | null | undefined; monitorPort?: number | null | undefined },
  ): Member {
    const monitorAddress = changes.monitorAddress ? ipv4Address(changes.monitorAddress, 'monitorAddress') : changes.monitorAddress;
    const monitorPort = changes.monitorPort ? validate.port(changes.monitorPort, 'Monitor port', 'monitorPort') : changes.monitorPort;
    const member = this.updateMember(projectId, id, memberId, { weight: changes.weight, adminStateUp: changes.adminStateUp });
    return this.store.transaction(() => {
      const current = this.records.member(member.id)!;
      const extra: Partial<Member> = {};
      if (changes.name !== undefined) extra.name = changes.name.trim();
      if (monitorAddress !== undefined) {
        extra.monitorAddress = monitorAddress;
        const subnet = this.store.get<Subnet>('subnet', current.subnetId);
        extra.monitorInstanceId = monitorAddress && subnet ? this.serverAt(projectId, subnet, monitorAddress) : current.instanceId;
      }
      if (monitorPort !== undefined) extra.monitorPort = monitorPort;
      return Object.keys(extra).length > 0 ? this.store.update<Member>(LB_KINDS.member, current, extra) : current;
    });
  }

  /**
   * Creates (or replaces) a pool's health monitor with Octavia's rules, or removes it (null): the
   * checks start or stop. A disabled monitor (`adminStateUp: false`) is kept but does not check: its
   * members are NO_MONITOR, as without one.
   */
  setPoolHealthMonitor(projectId: string, id: string, poolId: string, input: HealthMonitorInput | null): Pool {
    return this.change(projectId, id, input ? 'Health check set' : 'Health check removed', (lb) => {
      const pool = this.poolOf(lb, poolId);
      if (!input) {
        this.stopChecks(pool);
        return this.store.update<Pool>(LB_KINDS.pool, pool, { healthMonitor: null, status: 'PENDING_UPDATE' });
      }
      const layer4 = pool.protocol === 'UDP' || pool.protocol === 'SCTP';
      if (layer4 && !['UDP-CONNECT', 'SCTP', 'TCP', 'HTTP'].includes(input.type)) {
        throw invalidInput(`The associated pool protocol is ${pool.protocol}, so only a UDP-CONNECT/SCTP/TCP/HTTP health monitor is supported.`, 'type').coded('loadBalancer.monitorTypeForPool', {
          protocol: pool.protocol,
          types: 'UDP-CONNECT/SCTP/TCP/HTTP',
        });
      }
      if (!layer4 && (input.type === 'UDP-CONNECT' || input.type === 'SCTP')) {
        throw invalidInput(`The ${input.type} type is only supported for pools of type UDP/SCTP.`, 'type').coded('loadBalancer.monitorTypeNeedsUdpPool', { type: input.type });
      }
      // An empty pool has no member port yet: the monitor takes it from the first member.
      const monitor = validate.healthMonitor({ ...input, monitorPort: pool.memberPort || input.monitorPort }, '', { octavia: true });
      if (enabled(monitor)) this.deps.health.restart(pool, monitor);
      else this.stopChecks(pool);
      return this.store.update<Pool>(LB_KINDS.pool, pool, { healthMonitor: monitor, status: 'PENDING_UPDATE' });
    });
  }

  /** No checks any more (monitor removed or disabled): enabled members are NO_MONITOR, their streaks start over. */
  private stopChecks(pool: Pool): void {
    this.deps.health.stop(pool.id);
    for (const member of this.membersOf(pool)) {
      if (member.adminStateUp) this.store.update<Member>(LB_KINDS.member, member, { operatingStatus: 'NO_MONITOR', health: { consecutiveSuccesses: 0, consecutiveFailures: 0 } });
    }
  }

  /** Whether the pool's members are health-checked: it has a monitor and the monitor is enabled. */
  private monitoring(pool: Pool): boolean {
    return pool.healthMonitor !== null && enabled(pool.healthMonitor);
  }

  /** The project server whose port has `address` on the subnet; '' when none has it. */
  private serverAt(projectId: string, subnet: Subnet, address: string): string {
    const port = this.deps.network.ports(projectId).find((candidate) => candidate.fixedIp === address && candidate.subnetId === subnet.id && candidate.deviceOwner.startsWith('compute'));
    return port?.deviceId ?? '';
  }

  private poolOf(lb: LoadBalancer, poolId: string): Pool {
    const pool = this.records.pool(poolId);
    if (!pool || pool.loadBalancerId !== lb.id) throw notFound('pool', poolId);
    return pool;
  }

  /**
   * The data plane adds what it carried: e.g. `{ totalConnections: 1, activeConnections: 1 }` when
   * a connection opens and `{ activeConnections: -1, bytesIn, bytesOut }` when it closes.
   */
  recordTraffic(loadBalancerId: string, delta: Partial<LoadBalancerStats>, listenerPort?: number): LoadBalancerStats {
    return this.store.transaction(() => {
      const lb = this.store.get<LoadBalancer>(LB_KINDS.loadBalancer, loadBalancerId);
      if (!lb) throw notFound('load balancer', loadBalancerId);
      const add = (current: LoadBalancerStats | undefined) => {
        const stats = { ...EMPTY_STATS, ...current };
        for (const key of Object.keys(EMPTY_STATS) as (keyof LoadBalancerStats)[]) {
          const added = delta[key] ?? 0;
          if (!Number.isFinite(added)) throw invalidInput(`${key} must be a finite number`, key).coded('input.finiteNumber', { field: key });
          stats[key] = Math.max(0, stats[key] + added);
        }
        return stats;
      };
      const stats = add(lb.stats);
      // The listener on the port the traffic came to counts it too (Octavia's listener statistics).
      const listener = listenerPort === undefined ? undefined : this.records.allListenersOf(lb).find((candidate) => candidate.protocolPort === listenerPort);
      if (listener) this.store.update<Listener>(LB_KINDS.listener, listener, { stats: add(listener.stats) });
      this.store.update<LoadBalancer>(LB_KINDS.loadBalancer, lb, { stats });
      return stats;
    });
  }

  /** An instance going away leaves every pool it was a member of (`instances.hooks.beforeDelete`). */
  removeInstance(instance: Instance): void {
    if (!instance.projectId) return;
    const members = this.store.list<Member>(LB_KINDS.member, instance.projectId).filter((member) => member.instanceId === instance.id);
    const affected = new Set<string>();
    for (const member of members) {
      this.store.delete(LB_KINDS.member, member);
      affected.add(member.loadBalancerId);
    }
    for (const lbId of affected) {
      const lb = this.store.get<LoadBalancer>(LB_KINDS.loadBalancer, lbId);
      if (!lb) continue;
      // Nobody asked: the load balancer reconfigures itself, so no check of the table.
      if (lb.status === 'ACTIVE') this.lifecycle.beginBySystem(lb, 'update', {}, `Member ${instance.name} removed: its instance was deleted`);
      else this.deps.health.refreshOperatingStatus(lbId);
    }
  }

  // ——— internals ———

  private poolSettings(input: PoolInput, protocol: ListenerProtocol, field: string) {
    const members = input.members;
    if (!Array.isArray(members) || members.length === 0) throw invalidInput('Add at least one instance', `${field}.members`).coded('loadBalancer.membersRequired');
    if (members.length > validate.LIMITS.members) throw invalidInput(`At most ${validate.LIMITS.members} instances`, `${field}.members`).coded('loadBalancer.membersTooMany', { max: validate.LIMITS.members });
    return {
      protocol: poolProtocolFor(protocol),
      lbAlgorithm: validate.algorithm(input.lbAlgorithm, `${field}.lbAlgorithm`),
      memberPort: validate.port(input.memberPort, 'Instance Port', `${field}.memberPort`),
      sessionPersistence: validate.sessionPersistence(input.sessionPersistence, protocol, `${field}.sessionPersistence`),
      healthMonitor: validate.healthMonitor(input.healthMonitor, `${field}.healthMonitor`),
    };
  }

  /** Members must be instances of the project on the load balancer's subnet, each once. */
  private resolveMembers(projectId: string, subnet: Subnet, inputs: MemberInput[], field: (index: number, key: keyof MemberInput) => string) {
    const seen = new Set<string>();
    return inputs.map((input, index) => {
      const instanceField = field(index, 'instanceId');
      const instance = this.store.get<Instance>('instance', input.instanceId);
      if (!instance || instance.projectId !== projectId) throw invalidInput(`No instance with id ${input.instanceId} in this project`, instanceField).coded('resource.notInProject', { kind: 'instance', id: input.instanceId });
      if (instance.taskState === 'deleting') throw conflict(`Instance ${instance.name} is being deleted`, instanceField).coded('instance.beingDeleted', { name: instance.name });
      const port = instance.portId ? this.deps.network.getPort(instance.portId) : undefined;
      if (!port || port.subnetId !== subnet.id) {
        throw invalidInput(`${instance.name} is not on the load balancer's subnet ${subnet.cidr}; members must be on the same subnet`, instanceField).coded('loadBalancer.memberOtherSubnet', { instance: instance.name, cidr: subnet.cidr });
      }
      if (seen.has(instance.id)) throw invalidInput(`${instance.name} is added twice`, instanceField).coded('loadBalancer.memberTwice', { instance: instance.name });
      seen.add(instance.id);
      return { instance, address: port.fixedIp, weight: validate.weight(input.weight, field(index, 'weight')) };
    });
  }

  private insertListener(
    lb: LoadBalancer,
    settings: ReturnType<typeof validate.listenerSettings<ListenerProtocol>>,
    pool: ReturnType<LoadBalancerService['poolSettings']>,
    members: ReturnType<LoadBalancerService['resolveMembers']>,
    status: ProvisioningStatus,
  ): Listener {
    const name = listenerName(settings.protocol, settings.protocolPort);
    this.assertPortFree(lb, settings.protocolPort);
    const listenerId = newId();
    const poolId = newId();
    const listener = this.store.insert<Listener>(LB_KINDS.listener, {
      id: listenerId,
      projectId: lb.projectId,
      name,
      status,
      loadBalancerId: lb.id,
      ...settings,
      poolId,
    });
    const created = this.store.insert<Pool>(LB_KINDS.pool, {
      id: poolId,
      projectId: lb.projectId,
      name: `${lb.name}-${name}`,
      status,
      loadBalancerId: lb.id,
      listenerId,
      protocol: pool.protocol,
      lbAlgorithm: pool.lbAlgorithm,
      memberPort: pool.memberPort,
      sessionPersistence: pool.sessionPersistence,
      healthMonitor: pool.healthMonitor,
    });
    for (const member of members) this.insertMember(lb, created, member, status);
    this.deps.health.start(created, pool.healthMonitor);
    return listener;
  }

  /** A port takes one listener (the console's and Octavia's listener creates alike). */
  private assertPortFree(lb: LoadBalancer, port: number): void {
    const taken = this.records.allListenersOf(lb).find((listener) => listener.protocolPort === port);
    if (taken) {
      throw conflict(`${lb.name} already has listener ${taken.name} on port ${port}; a port can be used by one listener only`, 'listener.protocolPort').coded('loadBalancer.portTaken', { loadBalancer: lb.name, listener: taken.name, port });
    }
  }

  private insertMember(lb: LoadBalancer, pool: Pool, member: { instance: Instance; address: string; weight: number }, status: ProvisioningStatus): Member {
    return this.store.insert<Member>(LB_KINDS.member, {
      id: newId(),
      projectId: lb.projectId,
      name: member.instance.name,
      status,
      // As HAProxy does, a new member is assumed up until the checks say otherwise.
      operatingStatus: pool.healthMonitor ? 'ONLINE' : 'NO_MONITOR',
      loadBalancerId: lb.id,
      poolId: pool.id,
      instanceId: member.instance.id,
      subnetId: lb.vipSubnetId,
      address: member.address,
      protocolPort: pool.memberPort,
      weight: member.weight,
      adminStateUp: true,
      health: { consecutiveSuccesses: 0, consecutiveFailures: 0 },
    });
  }

  /** Runs a change on an ACTIVE load balancer and moves it to PENDING_UPDATE until the change is applied. */
  private change<T>(projectId: string, id: string, note: string, work: (lb: LoadBalancer) => T): T;
  private change(projectId: string, id: string, note: string, work: (lb: LoadBalancer) => void, returnLoadBalancer: true): LoadBalancer;
  private change<T>(projectId: string, id: string, note: string, work: (lb: LoadBalancer) => T, returnLoadBalancer = false): T | LoadBalancer {
    return this.store.transaction(() => {
      const lb = this.get(projectId, id);
      this.lifecycle.assert(lb, 'update');
      const result = work(lb);
      this.lifecycle.begin(this.store.get<LoadBalancer>(LB_KINDS.loadBalancer, id)!, 'update', {}, note);
      return returnLoadBalancer ? this.get(projectId, id) : result;
    });
  }

  /** Create's and update's task: every PENDING_* child row becomes ACTIVE (the runner then lands the load balancer on ACTIVE). */
  private finishProvisioning(lb: LoadBalancer): void {
    const missing = this.missingDependency(lb);
    if (missing) throw new MissingDependencyError(missing);
    const settle = <R extends Listener | Pool | Member>(kind: string, resource: R) => {
      if (resource.status.startsWith('PENDING_')) this.store.update<R>(kind, resource, { status: 'ACTIVE' } as Partial<R>);
    };
    for (const listener of this.records.allListenersOf(lb)) {
      settle(LB_KINDS.listener, listener);
    }
    for (const pool of this.records.poolsOf(lb)) {
      settle(LB_KINDS.pool, pool);
      for (const member of this.membersOf(pool)) settle(LB_KINDS.member, member);
    }
    for (const extension of this.extensions) extension.settle(lb);
  }

  /** Delete's task: the listeners with their pools and members, the VIP port and its floating IP association (the runner deletes the row). */
  private remove(lb: LoadBalancer): void {
    for (const extension of this.extensions) extension.removingLoadBalancer(lb);
    for (const listener of this.records.allListenersOf(lb)) this.removeListener(listener);
    for (const pool of this.records.poolsOf(lb)) this.removePool(pool);
    const port = lb.vipPortId ? this.deps.network.getPort(lb.vipPortId) : undefined;
    if (port && lb.vipPortGiven) {
      // A port the user gave stays theirs, free again (Octavia deletes only the VIP ports it made).
      this.store.update<Port>('port', port, { deviceOwner: '', deviceId: '' });
    } else if (port) {
      this.deps.floatingIps.releasePort(port);
      this.deps.network.deletePort(port);
    }
  }

  private removeListener(listener: Listener): void {
    for (const extension of this.extensions) extension.listenerRemoved(listener);
    const pool = this.records.pool(listener.poolId);
    if (pool) this.removePool(pool);
    this.store.delete(LB_KINDS.listener, listener);
  }

  private removePool(pool: Pool): void {
    for (const extension of this.extensions) extension.poolRemoving(pool);
    this.deps.health.stop(pool.id);
    for (const member of this.membersOf(pool)) this.store.delete(LB_KINDS.member, member);
    this.store.delete(LB_KINDS.pool, pool);
    this.deps.routing.resetPool(pool.id);
  }

  private defaultPoolOf(listener: Listener): Pool {
    const pool = this.records.pool(listener.poolId);
    if (!pool) throw conflict(`Listener ${listener.name} has no pool`).coded('loadBalancer.listenerWithoutDefaultPool', { listener: listener.name || listener.id });
    return pool;
  }

  /** ERROR when something the load balancer needs is gone: its subnet or its VIP port (the health checks ask too). */
  dependenciesPresent(lb: LoadBalancer): boolean {
    if (lb.status === 'ERROR') return false;
    const missing = this.missingDependency(lb);
    if (!missing) return true;
    this.store.update<LoadBalancer>(LB_KINDS.loadBalancer, lb, { status: 'ERROR', operatingStatus: 'OFFLINE', errorReason: `${lb.name} cannot work: ${missing}` }, `ERROR: ${missing}`);
    return false;
  }

  private missingDependency(lb: LoadBalancer): string | null {
    const subnet = this.store.get<Subnet>('subnet', lb.vipSubnetId);
    const port = lb.vipPortId ? this.deps.network.getPort(lb.vipPortId) : undefined;
    return !subnet ? `its subnet ${lb.vipSubnetId} is gone` : !port ? `its VIP port ${lb.vipAddress} is gone` : null;
  }

  private subnetOf(lb: LoadBalancer): Subnet {
    const subnet = this.store.get<Subnet>('subnet', lb.vipSubnetId);
    if (!subnet) throw conflict(`The subnet of ${lb.name} is gone`).coded('loadBalancer.subnetGone', { loadBalancer: lb.name });
    return subnet;
  }

  private listenersOf(lb: LoadBalancer): Listener[] {
    return this.records.listenersOf(lb);
  }

  private membersOf(pool: Pool): Member[] {
    return this.records.membersOf(pool);
  }

  private listenerOf(lb: LoadBalancer, listenerId: string): Listener {
    const listener = this.store.get<Listener>(LB_KINDS.listener, listenerId);
    if (!listener || listener.loadBalancerId !== lb.id) throw notFound('listener', listenerId);
    return listener;
  }

  private memberOf(lb: LoadBalancer, memberId: string): Member {
    const member = this.store.get<Member>(LB_KINDS.member, memberId);
    if (!member || member.loadBalancerId !== lb.id) throw notFound('member', memberId);
    return member;
  }
}

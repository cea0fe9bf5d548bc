import type { Instance } from '../compute/instance.ts';
import type { FloatingIp } from '../floating-ips/floating-ip-service.ts';
import type { Listener, LoadBalancer, Member } from '../load-balancers/load-balancer.ts';
import type { Network, Port, Router, Subnet } from '../networking/network-service.ts';
import { rulesetsAmong, type SecurityGroup, type SecurityGroupRuleset } from '../security-groups/security-group-service.ts';
import type { Store } from '../store/kinds.ts';
import { isInstancePort, isLoadBalancerPort } from './port-owner.ts';

/** Where a port (and so a floating IP associated with it) leads. */
export type PortTarget =
  | { type: 'instance'; port: Port; instance: Instance }
  | { type: 'load-balancer'; port: Port; loadBalancer: LoadBalancer | undefined };

/** An instance with what lists show beside it: its port, addresses and groups' names. */
export interface InstanceView {
  instance: Instance;
  port: Port | undefined;
  privateIp: string | null;
  floatingIp: FloatingIp | undefined;
  networkName: string;
  securityGroups: { id: string; name: string }[];
}

/** A page of a list, taken before anything is mapped: only `items` cost work. */
export interface Slice<T> {
  items: T[];
  total: number;
}

/** Everything a project's network diagram draws, read at one instant. */
export interface TopologySnapshot {
  networks: Network[];
  subnets: Subnet[];
  routers: Router[];
  ports: Port[];
  instances: Instance[];
  floatingIps: FloatingIp[];
  loadBalancers: LoadBalancer[];
}

/**
 * The named questions adapters (the BFF, the data plane, a future OpenStack API) ask the engine.
 * Each is answered from the store's in-memory indexes — by id, by project, by attribute — so a
 * question costs the size of its answer, not of the project. Reads only: changes go through the
 * services.
 */
export class EngineQueries {
  constructor(private readonly store: Store) {}

  /** A resource's status history, oldest first (kept after it is deleted). */
  history(resourceId: string): { at: number; status: string | null; message: string }[] {
    return this.store.history(resourceId);
  }

  instance(id: string): Instance | undefined {
    return this.store.get('instance', id);
  }

  loadBalancer(id: string): LoadBalancer | undefined {
    return this.store.get('load-balancer', id);
  }

  port(id: string): Port | undefined {
    return this.store.get('port', id);
  }

  /** The port with this fixed address on a network (addresses are unique per subnet). */
  portByAddress(networkId: string, fixedIp: string): Port | undefined {
    return this.store.findBy('port', 'fixedIp', fixedIp).find((port) => port.networkId === networkId);
  }

  /** The ports an instance or a load balancer owns. */
  portsOfDevice(deviceId: string): Port[] {
    return this.store.findBy('port', 'deviceId', deviceId);
  }

  /** The floating IP associated with a port, if any (at most one). */
  floatingIpOfPort(portId: string): FloatingIp | undefined {
    return this.store.findOne('floating-ip', 'portId', portId);
  }

  floatingIpByAddress(address: string): FloatingIp | undefined {
    return this.store.findOne('floating-ip', 'address', address);
  }

  /** What a port belongs to: an instance (if it still exists) or a load balancer's VIP. */
  portTarget(portOrId: Port | string): PortTarget | null {
    const port = typeof portOrId === 'string' ? this.store.get('port', portOrId) : portOrId;
    if (!port) return null;
    if (isInstancePort(port)) {
      const instance = this.store.get('instance', port.deviceId);
      return instance ? { type: 'instance', port, instance } : null;
    }
    if (isLoadBalancerPort(port)) return { type: 'load-balancer', port, loadBalancer: this.store.get('load-balancer', port.deviceId) };
    return null;
  }

  /** Where a floating IP leads: null while it is not associated (or its port is gone). */
  floatingIpTarget(floatingIp: FloatingIp): PortTarget | null {
    return floatingIp.portId ? this.portTarget(floatingIp.portId) : null;
  }

  /** An instance with its addresses, floating IP and groups. */
  instanceView(instance: Instance): InstanceView {
    const port = instance.portId ? this.store.get('port', instance.portId) : undefined;
    return {
      instance,
      port,
      privateIp: port?.fixedIp ?? null,
      floatingIp: port ? this.floatingIpOfPort(port.id) : undefined,
      networkName: this.store.get('network', instance.networkId)?.name ?? '',
      securityGroups: instance.securityGroupIds.map((id) => ({ id, name: this.store.get('security-group', id)?.name ?? id })),
    };
  }

  /** A page of the project's instances (creation order) as views; only the page is looked up. */
  instanceViews(projectId: string, page: { offset: number; limit: number }): Slice<InstanceView> {
    return sliceOf(this.store.view('instance', projectId), page, (instance) => this.instanceView(instance));
  }

  /** The rulesets (in the port's order) of the security groups applied to a port. */
  portRulesets(port: Port): SecurityGroupRuleset[] {
    const groups = new Map<string, SecurityGroup>();
    for (const id of port.securityGroupIds) {
      const group = this.store.get('security-group', id);
      if (group) groups.set(id, group);
    }
    return rulesetsAmong(groups, port.securityGroupIds);
  }

  /** How many ports (instances' and load balancers') use a security group. */
  securityGroupUsers(groupId: string): number {
    return this.store.countBy('port', 'securityGroupIds', groupId);
  }

  /** A load balancer's listeners, by port. */
  listenersOf(loadBalancerId: string): Listener[] {
    return this.store.findBy('lb-listener', 'loadBalancerId', loadBalancerId).sort((a, b) => a.protocolPort - b.protocolPort);
  }

  /** The members of a load balancer pool, in creation order. */
  poolMembers(poolId: string): Member[] {
    return this.store.findBy('lb-member', 'poolId', poolId).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  /** The members (in any pool) that point at an instance. */
  membersOfInstance(instanceId: string): Member[] {
    return this.store.findBy('lb-member', 'instanceId', instanceId);
  }

  topology(projectId: string): TopologySnapshot {
    return {
      networks: this.store.list('network', projectId),
      subnets: this.store.list('subnet', projectId),
      routers: this.store.list('router', projectId),
      ports: this.store.list('port', projectId),
      instances: this.store.list('instance', projectId),
      floatingIps: this.store.list('floating-ip', projectId),
      loadBalancers: this.store.list('load-balancer', projectId),
    };
  }
}

/** Takes the page first, then maps only it. */
export function sliceOf<T, U>(all: readonly T[], { offset, limit }: { offset: number; limit: number }, map: (item: T) => U): Slice<U> {
  return { items: all.slice(offset, offset + limit).map(map), total: all.length };
}

import { VOLUME_ATTACHABLE_INSTANCE_STATUSES } from '@sandcloud/domain';
import { conflict, invalidInput, notFound } from '../core/errors.ts';
import type { Instance } from '../compute/instance.ts';
import { INSTANCE_DEVICE_OWNER_PREFIX } from '../queries/port-owner.ts';
import type { Store } from '../store/kinds.ts';
import type { NetworkService, Port } from './network-service.ts';

/** Where a new interface goes: an existing free port, or a new one on a subnet (with a chosen address). */
export type InterfaceTarget = { portId: string } | { networkId?: string; subnetId?: string; fixedIp?: string };

/**
 * An instance's network interfaces (Neutron ports bound to it): attach and detach, also while it
 * runs, as Nova's interface attachments do. The port it was created with is its primary
 * (`instance.portId`); the instance keeps at least one.
 */
export class InterfaceService {
  /** After an interface comes or goes (the guest's network view follows). */
  readonly hooks: { changed: ((instance: Instance) => void)[] } = { changed: [] };

  constructor(
    private readonly store: Store,
    private readonly network: NetworkService,
  ) {}

  list(projectId: string, instanceId: string): Port[] {
    return this.network.interfacesOf(this.instance(projectId, instanceId));
  }

  attach(projectId: string, instanceId: string, target: InterfaceTarget): Port {
    return this.store.transaction(() => {
      const instance = this.instance(projectId, instanceId);
      this.assertSteady(instance, 'attach a network interface', 'attach a network interface to');
      let port: Port;
      if ('portId' in target) {
        const existing = this.store.get('port', target.portId);
        if (!existing || existing.projectId !== projectId) {
          throw invalidInput(`No network interface with id ${target.portId} in this project`, 'portId').coded('resource.notInProject', { kind: 'network interface', id: target.portId });
        }
        if (existing.deviceId) {
          throw conflict(`Network interface '${existing.name || existing.fixedIp}' is already attached to ${this.network.portLabel(existing)}`, 'portId').coded('port.inUse', {
            port: existing.name || existing.fixedIp,
            ...this.network.portUser(existing),
          });
        }
        port = this.network.bindPort(existing, instance.id, `${INSTANCE_DEVICE_OWNER_PREFIX}${instance.zone}`, `Attached to ${instance.name}`);
      } else {
        const { subnet } = this.network.placeOf(projectId, target.networkId, target.subnetId);
        port = this.network.createPort({
          projectId,
          subnetId: subnet.id,
          ...(target.fixedIp ? { fixedIp: target.fixedIp } : {}),
          name: `${instance.name}-port-${this.network.interfacesOf(instance).length + 1}`,
          deviceOwner: `${INSTANCE_DEVICE_OWNER_PREFIX}${instance.zone}`,
          deviceId: instance.id,
          securityGroupIds: instance.securityGroupIds,
          autoDelete: true,
        });
      }
      this.store.update('instance', instance, {}, `Network interface ${port.fixedIp} attached`);
      this.changed(instance.id);
      return port;
    });
  }

  /**
   * Detaches an interface; the port stays (free, with its address) for another instance. Refused
   * for the last one: an instance needs at least one interface.
   */
  detach(projectId: string, instanceId: string, portId: string): Port {
    return this.store.transaction(() => {
      const instance = this.instance(projectId, instanceId);
      const interfaces = this.network.interfacesOf(instance);
      const port = interfaces.find((candidate) => candidate.id === portId);
      if (!port) throw notFound('network interface of instance', portId);
      this.assertSteady(instance, 'detach a network interface', 'detach a network interface from');
      if (interfaces.length === 1) {
        throw conflict(`${instance.name} has only this network interface (${port.fixedIp}); an instance needs at least one, so it cannot be detached`, 'portId').coded('instance.lastInterface', {
          name: instance.name,
          address: port.fixedIp,
        });
      }
      if (instance.portId === port.id) {
        const next = interfaces.find((candidate) => candidate.id !== port.id)!;
        this.store.update('instance', instance, { portId: next.id, networkId: next.networkId }, `Primary interface is now ${next.fixedIp}`);
      }
      const freed = this.network.bindPort(port, '', '', `Detached from ${instance.name}`);
      const current = this.store.get('instance', instance.id)!;
      this.store.update('instance', current, {}, `Network interface ${port.fixedIp} detached`);
      this.changed(instance.id);
      return freed;
    });
  }

  /**
   * An instance going away: besides its primary (which the instance service deletes), the
   * interfaces made for it go too; the ones attached from free ports stay behind, unbound.
   */
  releaseSecondary(instance: Instance): void {
    for (const port of this.network.interfacesOf(instance)) {
      if (port.id === instance.portId) continue;
      if (port.autoDelete) this.network.deletePort(port);
      else this.network.bindPort(port, '', '', `Freed: ${instance.name} was deleted`);
    }
  }

  private instance(projectId: string, id: string): Instance {
    const instance = this.store.get('instance', id);
    if (!instance || instance.projectId !== projectId) throw notFound('instance', id);
    return instance;
  }

  /** `what` for the English message, `action` ("Cannot <action> instance web") for the message code. */
  private assertSteady(instance: Instance, what: string, action: string): void {
    if (instance.taskState || !VOLUME_ATTACHABLE_INSTANCE_STATUSES.includes(instance.status)) {
      const status = instance.taskState ?? instance.status;
      throw conflict(`${instance.name} is ${status}; ${what} when it is ACTIVE or SHUTOFF`).coded('instance.needsActiveOrShutoff', { name: instance.name, action, status });
    }
  }

  private changed(instanceId: string): void {
    const instance = this.store.get('instance', instanceId);
    if (instance) for (const hook of this.hooks.changed) hook(instance);
  }
}

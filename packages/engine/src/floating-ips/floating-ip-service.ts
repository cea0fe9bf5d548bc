import { conflict, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { QuotaGuard } from '../catalog/quota-guard.ts';
import type { NetworkService, Port } from '../networking/network-service.ts';
import type { Store } from '../store/kinds.ts';
import type { FloatingIp } from './floating-ip.ts';

export type { FloatingIp } from './floating-ip.ts';

export class FloatingIpService {
  constructor(
    private readonly store: Store,
    private readonly network: NetworkService,
    private readonly quotas: QuotaGuard,
  ) {}

  list(projectId: string): FloatingIp[] {
    return this.store.list('floating-ip', projectId);
  }

  get(projectId: string, id: string): FloatingIp {
    const floatingIp = this.store.get('floating-ip', id);
    if (!floatingIp || floatingIp.projectId !== projectId) throw notFound('floating IP', id);
    return floatingIp;
  }

  /** The floating IP associated with a port (indexed by port id). */
  forPort(portId: string): FloatingIp | undefined {
    return this.store.findOne('floating-ip', 'portId', portId);
  }

  /** The floating IP with this public address (indexed). */
  byAddress(address: string): FloatingIp | undefined {
    return this.store.findOne('floating-ip', 'address', address);
  }

  /** `[+생성]`: takes the lowest free address of the public pool. */
  allocate(projectId: string): FloatingIp {
    return this.store.transaction(() => {
      this.quotas.assertRoom(projectId, 'floatingIps', 1);
      const id = newId();
      const address = this.network.allocatePublicAddress(id);
      if (!address) throw conflict('The public address pool is exhausted; release a floating IP first').coded('floatingIp.poolExhausted');
      return this.store.insert('floating-ip', {
        id,
        projectId,
        name: address,
        status: 'DOWN',
        address,
        portId: null,
        fixedIp: null,
      });
    });
  }

  /** Connects to a port, at its first fixed IP or at `fixedIp`, another of the port's addresses (Neutron's `fixed_ip_address`). */
  associate(projectId: string, id: string, portId: string, fixedIp?: string): FloatingIp {
    return this.store.transaction(() => {
      const floatingIp = this.get(projectId, id);
      const port = this.network.getPort(portId);
      if (!port || port.projectId !== projectId) throw invalidInput(`No port with id ${portId} in this project`, 'portId').coded('resource.notInProject', { kind: 'port', id: portId });
      const target = fixedIp ?? port.fixedIp;
      if (target !== port.fixedIp && !(port.extraFixedIps ?? []).some((extra) => extra.ip === target)) {
        throw invalidInput(`Port ${port.name || port.id} has no fixed IP ${target}`, 'fixedIp').coded('floatingIp.notPortAddress', { address: target });
      }
      if (floatingIp.portId === port.id && floatingIp.fixedIp === target) return floatingIp;
      if (floatingIp.portId === port.id) return this.store.update<FloatingIp>('floating-ip', floatingIp, { fixedIp: target }, `Moved to ${target} (${port.name})`);
      if (floatingIp.portId) throw conflict(`Floating IP ${floatingIp.address} is already connected to ${floatingIp.fixedIp}; disconnect it first`).coded('floatingIp.alreadyConnected', { address: floatingIp.address, fixedIp: floatingIp.fixedIp ?? '' });
      const existing = this.forPort(port.id);
      if (existing) throw conflict(`Port ${port.fixedIp} already has floating IP ${existing.address}`, 'portId').coded('floatingIp.portHasOne', { fixedIp: port.fixedIp, address: existing.address });
      return this.store.update<FloatingIp>(
        'floating-ip',
        floatingIp,
        { status: 'ACTIVE', portId: port.id, fixedIp: target },
        `Associated with ${target} (${port.name})`,
      );
    });
  }

  /** Moves a floating IP to another port in one step (from wherever it is connected now, or from nowhere). */
  move(projectId: string, id: string, portId: string): FloatingIp {
    return this.store.transaction(() => {
      const floatingIp = this.get(projectId, id);
      if (floatingIp.portId === portId) return floatingIp;
      const port = this.network.getPort(portId);
      if (!port || port.projectId !== projectId) throw invalidInput(`No port with id ${portId} in this project`, 'portId').coded('resource.notInProject', { kind: 'port', id: portId });
      const existing = this.forPort(port.id);
      if (existing) throw conflict(`Port ${port.fixedIp} already has floating IP ${existing.address}`, 'portId').coded('floatingIp.portHasOne', { fixedIp: port.fixedIp, address: existing.address });
      if (floatingIp.portId) this.detach(floatingIp);
      return this.associate(projectId, id, portId);
    });
  }

  disassociate(projectId: string, id: string): FloatingIp {
    return this.store.transaction(() => {
      const floatingIp = this.get(projectId, id);
      if (!floatingIp.portId) throw conflict(`Floating IP ${floatingIp.address} is not connected to anything`).coded('floatingIp.notConnected', { address: floatingIp.address });
      return this.detach(floatingIp);
    });
  }

  /** A port going away (its instance deleted) frees its floating IP for reuse, as Neutron does. */
  releasePort(port: Port): void {
    const floatingIp = this.forPort(port.id);
    if (floatingIp) this.detach(floatingIp);
  }

  release(projectId: string, id: string): void {
    this.store.transaction(() => {
      const floatingIp = this.get(projectId, id);
      this.network.releasePublicAddress(floatingIp.id);
      this.store.delete('floating-ip', floatingIp);
    });
  }

  /** After the port moved to another address: its floating IP's recorded fixed IP follows (Neutron's fixed_ip_address). */
  followPort(port: Port): void {
    const floatingIp = this.forPort(port.id);
    if (floatingIp && floatingIp.fixedIp !== port.fixedIp) {
      this.store.update('floating-ip', floatingIp, { fixedIp: port.fixedIp }, `Follows its port to ${port.fixedIp}`);
    }
  }

  private detach(floatingIp: FloatingIp): FloatingIp {
    return this.store.update('floating-ip', floatingIp, { status: 'DOWN', portId: null, fixedIp: null }, `Disassociated from ${floatingIp.fixedIp}`);
  }
}

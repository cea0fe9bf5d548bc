import { newId } from '../core/ids.ts';
import type { Engine } from '../engine.ts';
import type { Network, Subnet } from '../networking/network-service.ts';

/**
 * Fixtures that shape an engine in ways no service offers yet (a second network, a port that
 * vanished), so tests and benchmarks outside the engine never reach into its store.
 */

export interface NetworkFixture {
  name: string;
  /** An IPv4 /8–/29, e.g. `10.1.0.0/24`; the gateway is its first address, the next two are reserved. */
  cidr: string;
  /** Also attach the subnet to the project's first router (the Default Router): default true. */
  routed?: boolean;
  id?: string;
  subnetId?: string;
}

function nthAddress(cidr: string, n: number): string {
  const [address] = cidr.split('/');
  const value = address!.split('.').reduce((sum, part) => sum * 256 + Number(part), 0) + n;
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/** Adds a network with one subnet to a project (as a future "create network" would). */
export function addNetwork(engine: Engine, projectId: string, fixture: NetworkFixture): { network: Network; subnet: Subnet } {
  const { store } = engine;
  return store.transaction(() => {
    const networkId = fixture.id ?? newId();
    const subnet = store.insert('subnet', {
      id: fixture.subnetId ?? newId(),
      projectId,
      name: `${fixture.name}-subnet`,
      status: 'ACTIVE',
      networkId,
      cidr: fixture.cidr,
      gatewayIp: nthAddress(fixture.cidr, 1),
      ipVersion: 4,
      reservedIps: [1, 2, 3].map((n) => nthAddress(fixture.cidr, n)),
    });
    const network = store.insert('network', { id: networkId, projectId, name: fixture.name, status: 'ACTIVE', external: false, subnetIds: [subnet.id] });
    const router = fixture.routed === false ? undefined : store.list('router', projectId)[0];
    if (router) store.update('router', router, { subnetIds: [...router.subnetIds, subnet.id] });
    return { network, subnet };
  });
}

/** Deletes a port behind its owner's back (a VIP port lost to an operator, say). */
export function removePort(engine: Engine, portId: string): void {
  const { network } = engine.modules;
  engine.store.transaction(() => {
    const port = network.getPort(portId);
    if (port) network.deletePort(port);
  });
}

import type { Engine } from '@sandcloud/engine';
import type { DataPlane, DataPlaneOptions } from './data-plane.ts';

// What the BFF needs at start (addresses, the output batch) is light; the data plane itself (ssh2,
// the forwarders) is loaded when it starts, so a server that imports this package at start-up does
// not load ssh2 before it answers (apps/bff/src/server.ts starts the data plane once it listens).
export { httpUrl, localAddressFor, portPlan, sshCommand, PRIVILEGED_PORT_OFFSET, type PortPlan } from './endpoints.ts';
export { detectPrivilegedPorts } from './privileges.ts';
export type { DataPlane, DataPlaneOptions } from './data-plane.ts';
export { WATCHED_PORTS, type EndpointService, type FloatingIpEndpoint } from './endpoint-registry.ts';
export { OutputBatch, OUTPUT_BATCH_LIMIT } from './output-batch.ts';

/** Loads the data plane's modules, then binds the floating IPs' sockets (see data-plane.ts). */
export async function startDataPlane(engine: Engine, options: DataPlaneOptions): Promise<DataPlane> {
  const { startDataPlane: start } = await import('./data-plane.ts');
  return start(engine, options);
}

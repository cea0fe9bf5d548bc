export { httpUrl, localAddressFor, portPlan, sshCommand, PRIVILEGED_PORT_OFFSET, type PortPlan } from './endpoints.ts';
export { detectPrivilegedPorts } from './privileges.ts';
export { startDataPlane, type DataPlane, type DataPlaneOptions } from './data-plane.ts';
export { WATCHED_PORTS, type EndpointService, type FloatingIpEndpoint } from './endpoint-registry.ts';
export { OutputBatch, OUTPUT_BATCH_LIMIT } from './output-batch.ts';

export { httpUrl, localAddressFor, portPlan, sshCommand, type PortPlan } from './endpoints.ts';

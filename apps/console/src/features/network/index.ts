// The network feature's public surface: the VPCs and their subnets (launch wizard).
export { useNetworks } from './api/get-networks.ts';

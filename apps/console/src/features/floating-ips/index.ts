// The floating-IP feature's public surface: its dialogs and connectivity panel (instance page,
// topology), the picker and the associate/disassociate hooks (load balancers), the list (interfaces).
export { useAssociateFloatingIp } from './api/associate-floating-ip.ts';
export { useDisassociateFloatingIp } from './api/disassociate-floating-ip.ts';
export { useFloatingIps } from './api/get-floating-ips.ts';
export { AssociateFloatingIpDialog } from './components/associate-floating-ip-dialog.tsx';
export { DisassociateFloatingIpDialog } from './components/disassociate-floating-ip-dialog.tsx';
export { ConnectivityPanel } from './components/connectivity-panel.tsx';
export { FloatingIpSelect } from './components/floating-ip-select.tsx';

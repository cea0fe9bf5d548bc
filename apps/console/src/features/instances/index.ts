// The instances feature's public surface: the instance list (network interfaces) and the
// connectivity test (topology's instance details).
export { useInstances } from './api/get-instances.ts';
export { useTestInstanceConnectivity } from './api/test-instance-connectivity.ts';

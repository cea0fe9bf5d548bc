// A project reset empties a project phase by phase, in this order: whatever holds on to something
// else goes first (a load balancer holds its members' instances, an attachment holds its volume,
// an instance holds its security groups), so every service's own delete path accepts the request.
export const RESET_PHASES = [
  'load-balancers',
  'floating-ips',
  'volume-attachments',
  'volume-snapshots',
  'volumes',
  'instances',
  'images',
  'key-pairs',
  'security-groups',
] as const;
export type ResetPhase = (typeof RESET_PHASES)[number];

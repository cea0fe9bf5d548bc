// Reaching instances and load balancers from this machine: the loopback endpoint of each floating
// IP (203.0.113.10 → 127.0.113.10), the commands to use it, and the flow logs of instances.

/** `GET /projects/:projectId/instances/:instanceId/connect-info` */
export interface ConnectInfoDto {
  /** e.g. `ssh -i my_keypair.pem root@127.0.113.10` (with `-p 10022` when ports are offset). */
  sshCommand: string | null;
  /** e.g. `http://127.0.113.10/` */
  httpUrl: string | null;
  /** The loopback address of the instance's floating IP. */
  localAddress: string | null;
  /** Why connecting does not work now (no floating IP, not running, no rule…), when that is so. */
  reason?: string;
  /** The reason's message code and values (`ERROR_MESSAGES`), when it has one, for the console's catalogue. */
  reasonMessageCode?: string;
  reasonParams?: Readonly<Record<string, string | number>>;
}

export interface EndpointPortDto {
  guestPort: number;
  localPort: number;
  service: 'ssh' | 'http' | 'load-balancer';
  /** For HTTP ports, the URL to open. */
  url: string | null;
}

/** `GET /projects/:projectId/floating-ips/:id/endpoint` */
export interface FloatingIpEndpointDto {
  floatingIpId: string;
  floatingIp: string;
  localAddress: string;
  /** false when ports below 1024 are offered at 10000 + port. */
  privilegedPorts: boolean;
  /** The ports of what the floating IP is connected to (none while it is connected to nothing). */
  ports: EndpointPortDto[];
  sshCommand: string | null;
  httpUrl: string | null;
  /** The address traffic from this machine has inside the simulation. */
  clientPublicIp: string;
}

export type FlowActionDto = 'ACCEPT' | 'DROP' | 'REJECT';

/** One entry of `GET /projects/:projectId/instances/:instanceId/flow-logs` (newest first). */
export interface FlowLogEntryDto {
  id: number;
  at: string;
  sourceIp: string;
  sourcePort: number | null;
  destinationIp: string;
  protocol: 'tcp' | 'udp' | 'icmp';
  port: number | null;
  action: FlowActionDto;
  reasonCode: string;
  message: string;
}

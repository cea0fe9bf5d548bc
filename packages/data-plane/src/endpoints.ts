/**
 * Where a floating IP can be reached from this machine.
 *
 * Linux routes the whole 127.0.0.0/8 block to the loopback interface, so every floating IP gets an
 * address of its own without any set-up: floating IP a.b.c.d answers at 127.b.c.d (203.0.113.10 →
 * 127.0.113.10). Ports are the guest's own (22, 80…) when this process may bind ports below 1024
 * (root, or CAP_NET_BIND_SERVICE); otherwise a privileged port p is offered at 10000 + p
 * (22 → 10022, 80 → 10080) and higher ports keep their number.
 */
export const PRIVILEGED_PORT_OFFSET = 10_000;

export function localAddressFor(floatingIp: string): string {
  const octets = floatingIp.split('.');
  if (octets.length !== 4) throw new Error(`${floatingIp} is not an IPv4 address`);
  return ['127', ...octets.slice(1)].join('.');
}

export interface PortPlan {
  /** Whether guest ports below 1024 are bound as they are. */
  readonly privilegedPorts: boolean;
  localPort(guestPort: number): number;
  guestPort(localPort: number): number;
}

export function portPlan(privilegedPorts: boolean): PortPlan {
  return {
    privilegedPorts,
    localPort: (guestPort) => (privilegedPorts || guestPort >= 1024 ? guestPort : guestPort + PRIVILEGED_PORT_OFFSET),
    guestPort: (localPort) =>
      privilegedPorts || localPort < PRIVILEGED_PORT_OFFSET || localPort >= PRIVILEGED_PORT_OFFSET + 1024
        ? localPort
        : localPort - PRIVILEGED_PORT_OFFSET,
  };
}

/** The command a user types, shown in the console beside the floating IP. */
export function sshCommand(keyName: string, floatingIp: string, plan: PortPlan): string {
  const port = plan.localPort(22);
  return `ssh -i ${keyName}.pem ${port === 22 ? '' : `-p ${port} `}root@${localAddressFor(floatingIp)}`;
}

export function httpUrl(floatingIp: string, guestPort: number, plan: PortPlan): string {
  const port = plan.localPort(guestPort);
  return `http://${localAddressFor(floatingIp)}${port === 80 ? '' : `:${port}`}/`;
}

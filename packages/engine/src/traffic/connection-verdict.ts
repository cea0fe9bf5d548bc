import type { Instance } from '../compute/instance.ts';
import type { FlowAction } from '../flow-logs/flow-log-service.ts';
import type { ReachabilityReasonCode, ReachabilityVerdict } from '../network/reachability.ts';

// What happens to a connection, decided once for everyone who shows it: the data plane (which
// answers, stays silent or resets the real socket), the flow log (which records it) and the
// connectivity test (which explains it).
//
//   accept  the rules admit the traffic and something answers on the port
//   drop    no rule admits it: no answer at all, like a real firewall's
//   refuse  a rule admits it but nothing listens: the kernel answers with a reset (ECONNREFUSED)

export type ConnectionAction = 'accept' | 'drop' | 'refuse';

export type ConnectionReasonCode = ReachabilityReasonCode | 'NO_LISTENER';

/**
 * A verdict on traffic to an instance. `allowed` says whether the security groups admit it (a
 * refused connection was admitted: nothing answered); `action` says what the connection gets.
 */
export interface ConnectionVerdict {
  action: ConnectionAction;
  allowed: boolean;
  reason: {
    code: ConnectionReasonCode;
    message: string;
    rule?: { groupName: string; ruleId: string; summary: string };
  };
}

/** The rules' verdict for a TCP flow to `port`, with what listens there now. */
export function tcpConnectionVerdict(rules: ReachabilityVerdict, listening: boolean, port: number, instanceName: string): ConnectionVerdict {
  if (!rules.allowed) return { action: 'drop', ...rules };
  if (listening) return { action: 'accept', ...rules };
  return {
    action: 'refuse',
    allowed: true,
    reason: {
      ...rules.reason,
      code: 'NO_LISTENER',
      message: `${rules.reason.message} Nothing listens on TCP ${port} in ${instanceName}, so it refused the connection.`,
    },
  };
}

/** ICMP (and any flow nothing needs to answer): the rules alone decide. */
export function rulesOnlyVerdict(rules: ReachabilityVerdict): ConnectionVerdict {
  return { action: rules.allowed ? 'accept' : 'drop', ...rules };
}

/** The flow log's word for an action. */
export function flowActionOf(action: ConnectionAction): FlowAction {
  return action === 'accept' ? 'ACCEPT' : action === 'drop' ? 'DROP' : 'REJECT';
}

/** What answers a TCP port of an instance: its sshd on 22 (every simulated Linux has one), else a guest process. */
export interface Listening {
  isSimulated(instance: Instance): boolean;
  listeningPorts(instanceId: string): number[];
}

export function listensOn(guests: Listening, instance: Instance, port: number): boolean {
  return port === 22 ? guests.isSimulated(instance) : guests.listeningPorts(instance.id).includes(port);
}

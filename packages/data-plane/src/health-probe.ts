import type { Engine, HealthMonitor, HealthProbe, Instance, LoadBalancer, LoadBalancerMember } from '@sandcloud/engine';
import type { Firewall } from './firewall.ts';

// The load balancers' health checks, for real: the probe connects from the VIP to the member's
// health port through the member's security groups. An HTTP check sends the monitor's method and
// URL path to the server listening in the guest (it shows up in its access log, as HAProxy's
// checks do) and compares the status with the expected codes; a TCP check passes when something
// listens. A member whose web server was stopped fails, and goes OFFLINE after the retries.

export function createHealthProbe(engine: Engine, firewall: Firewall): HealthProbe {
  return async (member, monitor) => {
    const lb = engine.store.get<LoadBalancer>('load-balancer', member.loadBalancerId);
    if (!lb) return false;
    const verdict = firewall.memberVerdict(member.instanceId, member.address, monitor.monitorPort, lb.vipAddress);
    if (!verdict?.allowed) return false;
    if (monitor.type !== 'HTTP') return engine.modules.guests.listeningPorts(member.instanceId).includes(monitor.monitorPort);
    const response = await withTimeout(
      engine.modules.guests.deliverHttp(member.instanceId, monitor.monitorPort, {
        method: monitor.httpMethod ?? 'GET',
        path: monitor.urlPath ?? '/',
        clientIp: lb.vipAddress,
        headers: {},
        // HAProxy's `option httpchk` speaks HTTP/1.0.
        httpVersion: 'HTTP/1.0',
      }),
      monitor.timeoutSeconds * 1000,
    );
    return response !== null && matchesExpectedCodes(response.status, monitor.expectedCodes ?? '200');
  };
}

/** The engine's default check, put back when the data plane stops: the member's instance is ACTIVE. */
export function instanceActiveProbe(engine: Engine): HealthProbe {
  return (member: LoadBalancerMember, _monitor: HealthMonitor) => engine.store.get<Instance>('instance', member.instanceId)?.status === 'ACTIVE';
}

/** `200`, `200,202` or `200-204`, as Octavia's `expected_codes`. */
export function matchesExpectedCodes(status: number, expected: string): boolean {
  return expected.split(',').some((part) => {
    const [low, high] = part.trim().split('-').map(Number);
    if (low === undefined || Number.isNaN(low)) return false;
    return high === undefined ? status === low : status >= low && status <= high;
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

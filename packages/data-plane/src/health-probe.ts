import type { Engine, HealthProbe } from '@sandcloud/engine';

// The load balancers' health checks, for real: the probe connects from the VIP to the member's
// health port through the member's security groups (the traffic module's verdict). An HTTP check
// sends the monitor's method and URL path to the server listening in the guest (it shows up in its
// access log, as HAProxy's checks do) and compares the status with the expected codes; a TCP check
// passes when something listens. A member whose web server was stopped fails, and goes OFFLINE
// after the retries.

export function createHealthProbe(engine: Engine): HealthProbe {
  const { traffic } = engine.modules;
  return async (member, monitor) => {
    const leg = traffic.memberVerdict(member, monitor.monitorPort);
    if (!leg?.verdict.allowed) return false;
    if (monitor.type !== 'HTTP') return traffic.listens(member.instanceId, monitor.monitorPort);
    const response = await withTimeout(
      traffic.deliverHttp(member.instanceId, monitor.monitorPort, {
        method: monitor.httpMethod ?? 'GET',
        path: monitor.urlPath ?? '/',
        clientIp: leg.vipAddress,
        headers: {},
        // HAProxy's `option httpchk` speaks HTTP/1.0.
        httpVersion: 'HTTP/1.0',
      }),
      monitor.timeoutSeconds * 1000,
    );
    return response !== null && matchesExpectedCodes(response.status, monitor.expectedCodes ?? '200');
  };
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

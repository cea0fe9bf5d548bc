import type { Instance } from '../compute/instance.ts';
import type { FloatingIpService } from '../floating-ips/floating-ip-service.ts';
import type { NetworkService } from '../networking/network-service.ts';
import { checkReachability, pingTranscript, type ReachabilityVerdict, type TrafficProtocol } from '../network/reachability.ts';
import type { SecurityGroupService } from '../security-groups/security-group-service.ts';

export type ConnectivityTest = 'ping' | 'ssh' | 'http';

const TESTS: Record<ConnectivityTest, { protocol: TrafficProtocol; port?: number }> = {
  ping: { protocol: 'icmp' },
  ssh: { protocol: 'tcp', port: 22 },
  http: { protocol: 'tcp', port: 80 },
};

/** Any address on the Internet: a documentation address (RFC 5737) stands for "someone outside". */
export const DEFAULT_INTERNET_SOURCE = '198.51.100.77';

export interface ConnectivityResult extends ReachabilityVerdict {
  test: ConnectivityTest;
  target: string;
  transcript: string[];
}

/**
 * Answers "does traffic from the Internet reach this instance?" from the current rules, every time
 * it is asked — so the verdict changes the moment a rule or an association does.
 */
export class ConnectivityService {
  constructor(
    private readonly network: NetworkService,
    private readonly floatingIps: FloatingIpService,
    private readonly securityGroups: SecurityGroupService,
  ) {}

  testInstance(instance: Instance, test: ConnectivityTest, sourceIp = DEFAULT_INTERNET_SOURCE): ConnectivityResult {
    const port = instance.portId ? this.network.getPort(instance.portId) : undefined;
    const floatingIp = port ? this.floatingIps.forPort(port.id) : undefined;
    const groupIds = port?.securityGroupIds ?? instance.securityGroupIds;
    const verdict = checkReachability({
      source: { kind: 'internet', ip: sourceIp },
      ...TESTS[test],
      target: {
        instanceName: instance.name,
        status: instance.status,
        floatingIp: floatingIp?.address ?? null,
        privateIp: port?.fixedIp ?? '',
        securityGroups: this.securityGroups.rulesetsOf(instance.projectId, groupIds),
      },
    });
    const target = floatingIp?.address ?? port?.fixedIp ?? instance.name;
    return {
      ...verdict,
      test,
      target,
      transcript: test === 'ping' ? pingTranscript(target, verdict, 4, hashSeed(instance.id)) : [],
    };
  }
}

/** A stable seed per instance so its ping times look alike from one test to the next. */
function hashSeed(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(hash) + 1;
}

import type { ConnectivityTest } from '@sandcloud/domain';
import type { Instance } from '../compute/instance.ts';
import type { FloatingIp, FloatingIpService } from '../floating-ips/floating-ip-service.ts';
import type { NetworkService, Port } from '../networking/network-service.ts';
import { checkReachability, pingTranscript, type ReachabilityTarget, type TrafficProtocol } from '../network/reachability.ts';
import {
  groupsById,
  rulesetsAmong,
  type SecurityGroup,
  type SecurityGroupRuleset,
  type SecurityGroupService,
} from '../security-groups/security-group-service.ts';
import { listensOn, rulesOnlyVerdict, tcpConnectionVerdict, type ConnectionVerdict, type Listening } from '../traffic/connection-verdict.ts';

const TESTS: Record<ConnectivityTest, { protocol: TrafficProtocol; port?: number }> = {
  ping: { protocol: 'icmp' },
  ssh: { protocol: 'tcp', port: 22 },
  http: { protocol: 'tcp', port: 80 },
};

const TEST_NAMES = Object.keys(TESTS) as ConnectivityTest[];

/** Any address on the Internet: a documentation address (RFC 5737) stands for "someone outside". */
export const DEFAULT_INTERNET_SOURCE = '198.51.100.77';

/**
 * A verdict and the address it was tested against, without the ping transcript: the same verdict
 * the data plane gives a real connection (accept, drop, or refuse when nothing listens).
 */
export interface ConnectivityVerdict extends ConnectionVerdict {
  test: ConnectivityTest;
  target: string;
}

export interface ConnectivityResult extends ConnectivityVerdict {
  transcript: string[];
}

/** Ping, SSH and HTTP verdicts of one instance. */
export type InstanceVerdicts = Record<ConnectivityTest, ConnectivityVerdict>;

/** A project's ports, floating IPs and security groups, read once (`ConnectivityService.snapshot`). */
export interface ConnectivitySnapshot {
  projectId: string;
  ports: readonly Port[];
  /** Per subnet: why it has no route to an internet gateway, or null. */
  internetRoutes: ReadonlyMap<string, string | null>;
  floatingIps: readonly FloatingIp[];
  securityGroups: readonly SecurityGroup[];
}

/**
 * What a verdict reads besides the instance. The single test looks each piece up as it goes; the
 * batch answers from the project's ports, floating IPs and security groups, each listed once.
 */
interface NetworkFacts {
  port(id: string): Port | undefined;
  /** The instance's ports, its primary first. */
  interfaces(instance: Instance): Port[];
  /** Why a port has no route to an internet gateway, or null. */
  noInternetRoute(port: Port): string | null;
  floatingIpOfPort(portId: string): FloatingIp | undefined;
  securityGroups(projectId: string | null, ids: readonly string[]): SecurityGroupRuleset[];
}

/**
 * Answers "does traffic from the Internet reach this instance?" from the current rules, every time
 * it is asked — so the verdict changes the moment a rule or an association does.
 */
export class ConnectivityService {
  /** Live lookups: one port, one floating IP, the instance's groups. */
  private readonly live: NetworkFacts;

  constructor(
    private readonly network: NetworkService,
    private readonly floatingIps: FloatingIpService,
    private readonly securityGroups: SecurityGroupService,
    /** What listens in the guests now (SSH and HTTP are refused when nothing does). */
    private readonly listening: Listening,
  ) {
    this.live = {
      port: (id) => this.network.getPort(id),
      interfaces: (instance) => this.network.interfacesOf(instance),
      noInternetRoute: (port) => this.network.noInternetRoute(port),
      floatingIpOfPort: (portId) => this.floatingIps.forPort(portId),
      securityGroups: (projectId, ids) => this.securityGroups.rulesetsOf(projectId, ids),
    };
  }

  /** One test of one instance, with the transcript a learner reads (`ping` output). */
  testInstance(instance: Instance, test: ConnectivityTest, sourceIp = DEFAULT_INTERNET_SOURCE): ConnectivityResult {
    const verdict: ConnectivityVerdict = { test, ...evaluate(targetOf(this.live, instance), TESTS[test], sourceIp, this.listening) };
    return {
      ...verdict,
      transcript: test === 'ping' ? pingTranscript(verdict.target, verdict, 4, hashSeed(instance.id)) : [],
    };
  }

  /**
   * The project's ports, floating IPs and security groups as they are now: what the verdicts of its
   * instances read. Take it once per request and hand it to `testInstances` (a caller that also
   * needs these lists, like the topology, uses the same ones).
   */
  snapshot(projectId: string): ConnectivitySnapshot {
    return {
      projectId,
      ports: this.network.ports(projectId),
      internetRoutes: this.network.internetRoutes(projectId),
      floatingIps: this.floatingIps.list(projectId),
      securityGroups: this.securityGroups.list(projectId),
    };
  }

  /**
   * Ping, SSH and HTTP verdicts of many instances of the snapshot's project (the topology's
   * overlay), each the same as `testInstance` gives, minus the transcript; evaluated against the
   * snapshot in memory, without reading the store.
   */
  testInstances(snapshot: ConnectivitySnapshot, instances: readonly Instance[], sourceIp = DEFAULT_INTERNET_SOURCE): Map<string, InstanceVerdicts> {
    const facts = factsOf(snapshot);
    const listening = perImage(this.listening);
    const verdicts = new Map<string, InstanceVerdicts>();
    for (const instance of instances) {
      if (instance.projectId !== snapshot.projectId) throw new Error(`Instance ${instance.id} is not in project ${snapshot.projectId}`);
      const target = targetOf(facts, instance);
      const entry = {} as InstanceVerdicts;
      for (const test of TEST_NAMES) entry[test] = { test, ...evaluate(target, TESTS[test], sourceIp, listening) };
      verdicts.set(instance.id, entry);
    }
    return verdicts;
  }

  /**
   * A TCP connection from `sourceIp` on the Internet to the instance's floating IP on `port`: the
   * verdict the data plane acts on and writes in the flow log (any port, not only the tests').
   */
  tcpFlow(instance: Instance, port: number, sourceIp: string): ConnectionVerdict {
    const { action, allowed, reason } = evaluate(targetOf(this.live, instance), { protocol: 'tcp', port }, sourceIp, this.listening);
    return { action, allowed, reason };
  }
}

/** Whether an image's guests run an sshd, asked once per image for a whole batch. */
function perImage(listening: Listening): Listening {
  const simulated = new Map<string, boolean>();
  return {
    isSimulated: (instance) => {
      let answer = simulated.get(instance.imageId);
      if (answer === undefined) {
        answer = listening.isSimulated(instance);
        simulated.set(instance.imageId, answer);
      }
      return answer;
    },
    listeningPorts: (instanceId) => listening.listeningPorts(instanceId),
  };
}

/** Lookups over a snapshot, answering as the live ones do. */
function factsOf(snapshot: ConnectivitySnapshot): NetworkFacts {
  const ports = new Map(snapshot.ports.map((port) => [port.id, port]));
  const byDevice = new Map<string, Port[]>();
  for (const port of snapshot.ports) {
    const own = byDevice.get(port.deviceId);
    if (own) own.push(port);
    else byDevice.set(port.deviceId, [port]);
  }
  const floatingByPort = new Map<string, FloatingIp>();
  for (const ip of snapshot.floatingIps) {
    // The first one, as `FloatingIpService.forPort` finds it (a port never has two).
    if (ip.portId && !floatingByPort.has(ip.portId)) floatingByPort.set(ip.portId, ip);
  }
  const groups = groupsById(snapshot.securityGroups);
  return {
    port: (id) => ports.get(id),
    interfaces: (instance) => (byDevice.get(instance.id) ?? []).slice().sort((a, b) => (a.id === instance.portId ? -1 : b.id === instance.portId ? 1 : 0)),
    noInternetRoute: (port) => (snapshot.internetRoutes.has(port.subnetId) ? (snapshot.internetRoutes.get(port.subnetId) ?? null) : 'its subnet is gone'),
    floatingIpOfPort: (portId) => floatingByPort.get(portId),
    securityGroups: (projectId, ids) => (projectId ? rulesetsAmong(groups, ids) : []),
  };
}

/** An instance as the rules see it, and the address a test is said to target. */
interface Target {
  instance: Instance;
  reachability: ReachabilityTarget;
  address: string;
}

/**
 * Gathers what the verdicts of `instance` depend on: the interface with a floating IP (its primary
 * when none has one), that floating IP and the route to an internet gateway, its groups.
 */
function targetOf(facts: NetworkFacts, instance: Instance): Target {
  const interfaces = facts.interfaces(instance);
  const withFloating = interfaces.find((candidate) => facts.floatingIpOfPort(candidate.id));
  const port = withFloating ?? (instance.portId ? facts.port(instance.portId) : undefined);
  const floatingIp = port ? facts.floatingIpOfPort(port.id) : undefined;
  const groupIds = port?.securityGroupIds ?? instance.securityGroupIds;
  return {
    instance,
    reachability: {
      instanceName: instance.name,
      status: instance.status,
      powerState: instance.powerState,
      floatingIp: floatingIp?.address ?? null,
      privateIp: port?.fixedIp ?? '',
      securityGroups: facts.securityGroups(instance.projectId, groupIds),
      noInternetRoute: port ? facts.noInternetRoute(port) : null,
    },
    address: floatingIp?.address ?? port?.fixedIp ?? instance.name,
  };
}

/**
 * The one evaluation behind the single test, the batch and the data plane's connections: the
 * rules' verdict, then for TCP whether anything listens on the port.
 */
function evaluate(target: Target, flow: { protocol: TrafficProtocol; port?: number }, sourceIp: string, listening: Listening): ConnectionVerdict & { target: string } {
  const rules = checkReachability({ source: { kind: 'internet', ip: sourceIp }, ...flow, target: target.reachability });
  const verdict =
    flow.protocol === 'tcp' && flow.port !== undefined
      ? tcpConnectionVerdict(rules, listensOn(listening, target.instance, flow.port), flow.port, target.reachability.instanceName)
      : rulesOnlyVerdict(rules);
  return { ...verdict, target: target.address };
}

/** A stable seed per instance so its ping times look alike from one test to the next. */
function hashSeed(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(hash) + 1;
}

import { createEngine, generateKeyPairSync, ManualClock, type Engine, type Instance } from '@sandcloud/engine';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDataPlane, type DataPlane, type DataPlaneOptions } from '../data-plane.ts';

// The getting-started guide's world for data-plane tests and benchmarks: an engine on a manual
// clock, a project with Compute & Network activated, the key pair my_keypair, CentOS 7 instances
// and helpers for floating IPs, rules and guest terminals. Each test file passes its own floating
// pool, so that files running in parallel never ask for the same loopback address.

export const CENTOS_7 = '6f1c0a00-0000-4000-8000-000000000007';

export interface GuideWorldOptions {
  /** e.g. { start: '198.18.1.10', end: '198.18.1.250' } → endpoints on 127.18.1.x */
  floatingPool: { start: string; end: string };
  keyAlgorithm?: 'rsa' | 'ed25519';
}

export interface GuideWorld {
  engine: Engine;
  clock: ManualClock;
  projectId: string;
  dataDir: string;
  /** The private key of my_keypair, as the console's download gives it. */
  privateKeyPem: string;
  defaultGroupId: string;
  createInstances(name: string, count: number): Instance[];
  /** Allocates a floating IP and connects it to an instance's (or a load balancer's) port. */
  attachFloatingIp(portId: string): string;
  /** Adds an ingress TCP rule to `default` (CIDR 0.0.0.0/0 unless given). */
  allowTcp(port: number, cidr?: string): string;
  allowIcmp(): string;
  removeRule(ruleId: string): void;
  terminal(instance: Instance): GuestTerminal;
  startDataPlane(options?: Partial<DataPlaneOptions>): Promise<DataPlane>;
  close(): Promise<void>;
}

export interface GuestTerminal {
  /** Everything the session printed so far. */
  readonly output: string;
  type(text: string): void;
  /** Types a command line (with Enter) and waits until its output matches `until` (default: the next prompt). */
  run(line: string, until?: RegExp, timeoutMs?: number): Promise<string>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  close(): void;
}

export function createGuideWorld(options: GuideWorldOptions): GuideWorld {
  const clock = new ManualClock();
  const engine = createEngine({ clock, floatingPool: options.floatingPool });
  const { modules } = engine;
  const admin = engine.identity.createUser({ username: 'admin', password: 'admin-password', isAdmin: true });
  const project = engine.projects.create(admin, { name: 'guide' });
  engine.activateCompute(project.id);
  const projectId = project.id;
  // Key generation in the engine is asynchronous; this fixture is not, so it imports a key made here.
  const { privateKeyPem, publicKey } = generateKeyPairSync(options.keyAlgorithm ?? 'ed25519', 'my_keypair');
  modules.keyPairs.import(projectId, 'my_keypair', publicKey);
  const defaultGroupId = modules.securityGroups.list(projectId).find((group) => group.name === 'default')!.id;
  const networkId = modules.network.networks(projectId).find((network) => network.projectId === projectId)!.id;
  const dataDir = mkdtempSync(join(tmpdir(), 'sandcloud-data-plane-'));
  const planes: DataPlane[] = [];
  const terminals: GuestTerminal[] = [];

  const addRule = (protocol: 'tcp' | 'icmp', port: number | null, cidr: string) =>
    modules.securityGroups.addRule(projectId, defaultGroupId, {
      direction: 'ingress',
      etherType: 'IPv4',
      protocol,
      portRangeMin: port,
      portRangeMax: port,
      remoteIpPrefix: cidr,
      remoteGroupId: null,
    }).id;

  return {
    engine,
    clock,
    projectId,
    dataDir,
    privateKeyPem,
    defaultGroupId,
    createInstances(name, count) {
      const created = modules.instances.create(projectId, {
        name,
        imageId: CENTOS_7,
        flavorId: 't2.c1m1',
        zone: 'kr-pub-a',
        rootDiskGb: 20,
        count,
        keyName: 'my_keypair',
        securityGroupIds: [defaultGroupId],
        networkId,
      });
      engine.advance(5_000);
      return created.map((instance) => modules.instances.get(projectId, instance.id));
    },
    attachFloatingIp(portId) {
      const floatingIp = modules.floatingIps.allocate(projectId);
      modules.floatingIps.associate(projectId, floatingIp.id, portId);
      return floatingIp.address;
    },
    allowTcp: (port, cidr = '0.0.0.0/0') => addRule('tcp', port, cidr),
    allowIcmp: () => addRule('icmp', null, '0.0.0.0/0'),
    removeRule: (ruleId) => modules.securityGroups.deleteRule(projectId, defaultGroupId, ruleId),
    terminal(instance) {
      const terminal = openTerminal(modules.guests.openSession(projectId, instance.id, { remoteIp: '10.0.0.1', columns: 200, rows: 50 }));
      terminals.push(terminal);
      return terminal;
    },
    async startDataPlane(overrides = {}) {
      const plane = await startDataPlane(engine, { dataDir, privilegedPorts: true, dropHoldMs: 5_000, log: () => undefined, ...overrides });
      planes.push(plane);
      return plane;
    },
    async close() {
      for (const terminal of terminals) terminal.close();
      await Promise.all(planes.map((plane) => plane.close()));
      engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type GuestSession = ReturnType<Engine['modules']['guests']['openSession']>;

export function openTerminal(session: GuestSession): GuestTerminal {
  let output = '';
  const waiters = new Set<() => void>();
  session.onData((text) => {
    output += text;
    for (const waiter of waiters) waiter();
  });
  const waitFor = (pattern: RegExp, timeoutMs = 5_000, from = 0) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const seen = output.slice(from);
        if (!pattern.test(seen)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(seen);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`Timed out waiting for ${pattern} in the guest terminal; it shows:\n${output.slice(-2_000)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    get output() {
      return output;
    },
    type: (text) => session.write(text),
    run(line, until = /\]# $/, timeoutMs) {
      const from = output.length;
      session.write(`${line}\r`);
      return waitFor(until, timeoutMs, from);
    },
    waitFor: (pattern, timeoutMs) => waitFor(pattern, timeoutMs),
    close: () => session.close(),
  };
}

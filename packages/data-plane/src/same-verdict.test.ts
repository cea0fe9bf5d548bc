import type { Instance } from '@sandcloud/engine';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuideWorld, type GuideWorld } from './testing/guide-world.ts';
import { advanceUntil, httpGet } from './testing/tools.ts';

// The connectivity test and the data plane's real sockets give the same verdict and the same
// reason for the same flow: from this machine (the client public IP 103.243.200.42) to a floating
// IP's port. Each row sets up a world, asks the connectivity test (the instance's or the load
// balancer's, as the console does), then connects for real and reads what the data plane did —
// the socket's fate, the HTTP status, and the flow-log entry it wrote. This file's pool:
// 198.18.13.x → 127.18.13.x.

const POOL = { start: '198.18.13.10', end: '198.18.13.250' };
const CLIENT_IP = '103.243.200.42';

type Action = 'accept' | 'drop' | 'refuse';

let world: GuideWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

/** What a real client sees: an answer (with its HTTP status), silence, or a reset. */
async function connectFor(port: number, address: string): Promise<{ action: Action; status: number | null }> {
  if (port === 22) {
    // SSH speaks first: its banner means the connection was accepted.
    return new Promise((resolve, reject) => {
      const socket = connect(port, address);
      socket.setTimeout(600, () => {
        socket.destroy();
        resolve({ action: 'drop', status: null });
      });
      socket.once('data', (chunk: Buffer) => {
        socket.destroy();
        if (chunk.toString().startsWith('SSH-2.0-')) resolve({ action: 'accept', status: null });
        else reject(new Error(`not an SSH banner: ${chunk.toString()}`));
      });
      socket.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNREFUSED' ? resolve({ action: 'refuse', status: null }) : reject(error)));
    });
  }
  return httpGet(`http://${address}:${port}/`, { timeoutMs: 600 }).then(
    (response) => ({ action: 'accept' as const, status: response.status }),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ETIMEDOUT') return { action: 'drop' as const, status: null };
      if (error.code === 'ECONNREFUSED') return { action: 'refuse' as const, status: null };
      throw error;
    },
  );
}

interface InstanceCase {
  name: string;
  test: 'ssh' | 'http';
  setup: (world: GuideWorld, web: Instance) => Promise<void> | void;
  expected: { action: Action; code: string };
}

const startWebServer = async (world: GuideWorld, web: Instance) => {
  const terminal = world.terminal(web);
  await terminal.run(`echo 'hello world!' > index.html`);
  await terminal.run('python -m SimpleHTTPServer 80', /Serving HTTP on 0\.0\.0\.0 port 80/);
  return terminal;
};

const INSTANCE_CASES: InstanceCase[] = [
  { name: 'no rule', test: 'http', setup: () => undefined, expected: { action: 'drop', code: 'NO_MATCHING_RULE' } },
  { name: 'a rule for other sources only', test: 'http', setup: (w) => void w.allowTcp(80, '10.0.0.0/8'), expected: { action: 'drop', code: 'NO_MATCHING_RULE' } },
  {
    name: 'a rule, but the instance is not ACTIVE',
    test: 'http',
    setup: (w, web) => {
      w.allowTcp(80);
      w.engine.modules.instances.stop(w.projectId, web.id);
      w.engine.advance(3_000);
    },
    expected: { action: 'drop', code: 'INSTANCE_NOT_RUNNING' },
  },
  { name: 'a rule with nothing listening', test: 'http', setup: (w) => void w.allowTcp(80), expected: { action: 'refuse', code: 'NO_LISTENER' } },
  {
    name: 'a rule and a web server',
    test: 'http',
    setup: async (w, web) => {
      w.allowTcp(80);
      await startWebServer(w, web);
    },
    expected: { action: 'accept', code: 'ALLOWED_BY_RULE' },
  },
  {
    name: 'no egress rule at all (replies are stateful)',
    test: 'http',
    setup: async (w, web) => {
      const group = w.engine.modules.securityGroups.list(w.projectId).find((candidate) => candidate.id === w.defaultGroupId)!;
      for (const rule of group.rules.filter((candidate) => candidate.direction === 'egress')) w.removeRule(rule.id);
      w.allowTcp(80);
      await startWebServer(w, web);
    },
    expected: { action: 'accept', code: 'ALLOWED_BY_RULE' },
  },
  { name: 'SSH without a rule', test: 'ssh', setup: () => undefined, expected: { action: 'drop', code: 'NO_MATCHING_RULE' } },
  { name: 'SSH with its rule', test: 'ssh', setup: (w) => void w.allowTcp(22), expected: { action: 'accept', code: 'ALLOWED_BY_RULE' } },
];

describe('the same verdict from the connectivity test and the data plane: an instance', () => {
  it.each(INSTANCE_CASES)('$name', async ({ test, setup, expected }) => {
    world = createGuideWorld({ floatingPool: POOL });
    const [created] = world.createInstances('web', 1);
    const floatingIp = world.attachFloatingIp(created!.portId!);
    const plane = await world.startDataPlane();
    await setup(world, created!);
    await plane.settled();
    const { engine, projectId } = world;
    const web = engine.modules.instances.get(projectId, created!.id);
    const port = test === 'ssh' ? 22 : 80;

    const { transcript: _transcript, test: _test, target: _target, ...tested } = engine.modules.connectivity.testInstance(web, test, CLIENT_IP);
    expect({ action: tested.action, code: tested.reason.code }).toEqual(expected);

    const seen = await connectFor(port, plane.endpointOf(floatingIp).address);
    expect(seen.action).toBe(tested.action);
    if (tested.action === 'accept' && test === 'http') expect(seen.status).toBe(200);
    if (tested.action === 'refuse') {
      // The kernel answers a refusal (the port is not bound), so it reaches no socket and no flow log.
      expect(engine.modules.flowLogs.list(web.id)).toEqual([]);
      return;
    }
    const [entry] = engine.modules.flowLogs.list(web.id);
    expect(entry).toMatchObject({ sourceIp: CLIENT_IP, destinationIp: floatingIp, port, action: tested.action === 'accept' ? 'ACCEPT' : 'DROP' });
    expect({ code: entry!.reasonCode, message: entry!.message }).toEqual({ code: tested.reason.code, message: tested.reason.message });
  });
});

interface LoadBalancerCase {
  name: string;
  port: number;
  setup: (world: GuideWorld, lb: { id: string; listenerId: string }, rule: string) => Promise<void> | void;
  expected: { action: Action; code: string; status: number | null };
}

const LOAD_BALANCER_CASES: LoadBalancerCase[] = [
  { name: 'members up', port: 80, setup: () => undefined, expected: { action: 'accept', code: 'ALLOWED_BY_LISTENER', status: 200 } },
  {
    name: 'members down (their servers stopped, the health checks noticed)',
    port: 80,
    setup: async (w, lb) => {
      for (const terminal of terminals) {
        terminal.type('\x03');
        await terminal.waitFor(/KeyboardInterrupt/);
      }
      const statuses = () => w.engine.modules.loadBalancers.get(w.projectId, lb.id).operatingStatus;
      await advanceUntil(w.engine, 5_000, () => statuses() === 'OFFLINE', 'the load balancer to be OFFLINE');
    },
    expected: { action: 'accept', code: 'NO_HEALTHY_MEMBER', status: 503 },
  },
  { name: 'members’ security groups do not admit the VIP', port: 80, setup: (w, _lb, rule) => w.removeRule(rule), expected: { action: 'accept', code: 'MEMBERS_BLOCKED', status: 503 } },
  {
    name: 'the client outside the listener’s allowed CIDRs',
    port: 80,
    setup: (w, lb) => void w.engine.modules.loadBalancers.updateListener(w.projectId, lb.id, lb.listenerId, { allowedCidrs: ['10.0.0.0/8'] }),
    expected: { action: 'drop', code: 'SOURCE_NOT_ALLOWED', status: null },
  },
  { name: 'no listener on the port', port: 8080, setup: () => undefined, expected: { action: 'drop', code: 'NO_LISTENER', status: null } },
];

let terminals: ReturnType<GuideWorld['terminal']>[] = [];

describe('the same verdict from the connectivity test and the data plane: a load balancer', () => {
  it.each(LOAD_BALANCER_CASES)('$name', async ({ port, setup, expected }) => {
    world = createGuideWorld({ floatingPool: POOL });
    const { engine, projectId } = world;
    const [web1, web2] = world.createInstances('web', 2);
    const rule = world.allowTcp(80);
    terminals = [];
    for (const web of [web1!, web2!]) terminals.push(await startWebServer(world, web));
    const created = engine.modules.loadBalancers.create(projectId, {
      name: 'web-lb',
      subnetId: engine.modules.network.subnets(projectId)[0]!.id,
      listener: { protocol: 'HTTP', protocolPort: 80 },
      pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: [{ instanceId: web1!.id }, { instanceId: web2!.id }], healthMonitor: { type: 'HTTP', monitorPort: 80 } },
    });
    engine.advance(4_000);
    const floatingIp = world.attachFloatingIp(created.vipPortId!);
    const plane = await world.startDataPlane();
    const listenerId = engine.modules.loadBalancers.view(created).listeners[0]!.listener.id;
    await setup(world, { id: created.id, listenerId }, rule);
    await plane.settled();

    const tested = engine.modules.loadBalancers.testConnectivity(projectId, created.id, port, CLIENT_IP);
    const seen = await connectFor(port, plane.endpointOf(floatingIp).address);
    expect({ action: tested.action, code: tested.reason.code, status: seen.status }).toEqual(expected);
    expect(seen.action).toBe(tested.action);
    if (tested.reason.code === 'MEMBERS_BLOCKED') {
      // The second leg's drop is in each member's flow log, with the member's own reason.
      for (const web of [web1!, web2!]) {
        expect(engine.modules.flowLogs.list(web.id)).toMatchObject([{ action: 'DROP', reasonCode: 'NO_MATCHING_RULE', sourceIp: created.vipAddress, port: 80 }]);
      }
    }
  });
});

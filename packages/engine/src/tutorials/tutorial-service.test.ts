import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { draftFromTemplate, type TutorialDefinition } from '@sandcloud/domain';
import { ManualClock } from '../core/clock.ts';
import { createEngine } from '../engine.ts';
import { createTestWorld, instanceInput, TEST_IMAGES, TEST_PUBLIC_KEY, type TestWorld } from '../testing/test-world.ts';

// The getting-started tutorial checked against the real state: each step turns green when the
// engine's state (and what the data plane reports: ssh logins, HTTP answers) says it happened,
// never because of a click; an open step says why, from the same facts.

const GUIDE = JSON.parse(readFileSync(new URL('../../../../tutorials/getting-started.json', import.meta.url), 'utf8')) as TutorialDefinition;
const settle = () => new Promise((resolve) => setImmediate(resolve));

function world(options: { databasePath?: string } = {}) {
  const w = createTestWorld(options);
  w.engine.tutorials.register([GUIDE]);
  const admin = w.engine.identity.findUser('admin')!;
  return { ...w, admin };
}

const doneSteps = (w: TestWorld & { admin: { id: string } }) => {
  const progress = w.engine.tutorials.progressOf(w.projectId, w.admin.id, 'getting-started')!;
  return w.engine.tutorials.view(progress).steps.filter((s) => s.done).map((s) => s.id);
};
const stepOf = (w: TestWorld & { admin: { id: string } }, id: string) =>
  w.engine.tutorials.view(w.engine.tutorials.progressOf(w.projectId, w.admin.id, 'getting-started')!).steps.find((s) => s.id === id)!;

/** A request a browser sends through the floating IP (the data plane passes the Host header on). */
const browserRequest = (clientIp: string) => ({ method: 'GET', path: '/', clientIp, headers: { host: '203.0.113.10' } });

describe('the getting-started tutorial engine', () => {
  it('turns steps green from engine events, keeps a skipped ssh step open with its cause, and completes with each step timed', async () => {
    const w = world();
    const { engine, projectId, m, clock } = w;
    const started = engine.tutorials.start(projectId, w.admin, 'getting-started');
    // The project is already activated: what is already true turns green at once.
    expect(started.steps.filter((s) => s.done).map((s) => s.id)).toEqual(['activate']);
    expect(started.currentStepId).toBe('instance');
    expect(started.steps[1]!.hint).toMatchObject({ code: 'no-instance' });

    clock.advance(60_000);
    const { keyPair } = await m.keyPairs.create(projectId, 'my_keypair', 'ed25519');
    const group = m.securityGroups.list(projectId).find((g) => g.name === 'default')!;
    const [web] = m.instances.create(projectId, instanceInput(w, { imageId: TEST_IMAGES.CENTOS_7, keyName: keyPair.name, securityGroupIds: [group.id] }));
    await settle();
    expect(stepOf(w, 'instance').hint).toMatchObject({ code: 'instance-not-active', params: { instance: 'web', status: 'BUILD' } });
    engine.advance(5_000);
    await settle();
    expect(doneSteps(w)).toEqual(['activate', 'instance', 'topology']);
    expect(stepOf(w, 'instance').durationMs).toBe(65_000);

    const fip = m.floatingIps.allocate(projectId);
    m.floatingIps.associate(projectId, fip.id, web!.portId!);
    await settle();
    expect(doneSteps(w)).toContain('floating-ip');

    // The port-22 rule skipped: the ssh step stays open and says so, then names the dropped attempt.
    expect(stepOf(w, 'ssh').hint).toEqual({
      code: 'port-closed',
      params: { port: 22, groups: 'default', address: fip.address, instance: 'web' },
      links: [{ kind: 'rule-dialog', id: group.id }, { kind: 'flow-log', id: web!.id }],
    });
    m.flowLogs.record({ instanceId: web!.id, projectId, sourceIp: '198.51.100.7', sourcePort: 50000, destinationIp: fip.address, protocol: 'tcp', port: 22, action: 'DROP', reasonCode: 'NO_MATCHING_RULE', message: 'no rule' });
    expect(stepOf(w, 'ssh').hint?.code).toBe('port-closed-dropped');

    // The web server step goes on without it: HTTP rule, a server in the guest, a request through the floating IP.
    m.securityGroups.addRule(projectId, group.id, draftFromTemplate('http'));
    await settle();
    expect(stepOf(w, 'web-server').hint).toMatchObject({ code: 'nothing-listens', params: { port: 80 } });
    const session = m.guests.openSession(projectId, web!.id);
    session.write('python -m SimpleHTTPServer 80\r');
    await vi.waitFor(() => { engine.advance(50); expect(m.guests.listeningPorts(web!.id)).toEqual([80]); }, { timeout: 5_000, interval: 5 });
    expect(stepOf(w, 'web-server').hint?.code).toBe('no-request-yet');
    // A health check (no Host header) is not a visitor.
    await m.traffic.deliverHttp(web!.id, 80, { method: 'GET', path: '/', clientIp: '192.168.0.9', headers: {} });
    await settle();
    expect(doneSteps(w)).not.toContain('web-server');
    await m.traffic.deliverHttp(web!.id, 80, browserRequest('198.51.100.7'));
    await vi.waitFor(() => expect(doneSteps(w)).toContain('web-server'), { timeout: 2_000, interval: 10 });
    expect(stepOf(w, 'ssh').done).toBe(false);

    // A volume attached is not enough: it must be mounted in the guest.
    const volume = m.volumes.create(projectId, { name: 'data', sizeGb: 10 });
    engine.advance(10_000);
    m.volumes.attach(projectId, volume.id, web!.id);
    engine.advance(10_000);
    engine.tutorials.evaluate(projectId);
    expect(stepOf(w, 'volume').hint).toMatchObject({ code: 'volume-not-mounted', params: { device: '/dev/vdb' } });
    await m.guests.runCommand(projectId, web!.id, 'mkfs.ext4 /dev/vdb && mkdir external && mount /dev/vdb external');
    engine.tutorials.evaluate(projectId);
    expect(doneSteps(w)).toContain('volume');

    // Image from the stopped instance, two instances from it, a load balancer answering alternately.
    session.close();
    m.instances.stop(projectId, web!.id);
    engine.advance(5_000);
    const image = m.images.capture(projectId, { instanceId: web!.id, name: 'web-image' });
    engine.advance(30_000);
    await settle();
    expect(doneSteps(w)).toContain('image');
    const pair = m.instances.create(projectId, instanceInput(w, { name: 'web-lb', imageId: image.id, count: 2, keyName: keyPair.name, securityGroupIds: [group.id] }));
    engine.advance(5_000);
    await settle();
    expect(doneSteps(w)).toContain('instances-from-image');

    const lb = m.loadBalancers.create(projectId, {
      name: 'lb',
      subnetId: m.network.subnets(projectId)[0]!.id,
      listener: { protocol: 'HTTP', protocolPort: 80 },
      pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, healthMonitor: { type: 'TCP', monitorPort: 80 }, members: pair.map((i) => ({ instanceId: i.id })) },
    });
    engine.advance(5_000);
    await settle();
    expect(stepOf(w, 'load-balancer').hint).toMatchObject({ code: 'load-balancer-no-floating-ip' });
    const lbIp = m.floatingIps.allocate(projectId);
    m.floatingIps.associate(projectId, lbIp.id, m.loadBalancers.list(projectId)[0]!.vipPortId!);
    for (const instance of pair) m.guests.openSession(projectId, instance.id).write('python -m SimpleHTTPServer 80\r');
    await vi.waitFor(() => { engine.advance(50); expect(pair.map((i) => m.guests.listeningPorts(i.id))).toEqual([[80], [80]]); }, { timeout: 5_000, interval: 5 });
    for (const instance of [pair[0]!, pair[0]!]) await m.traffic.deliverHttp(instance.id, 80, browserRequest(lb.vipAddress));
    engine.tutorials.evaluate(projectId); // what the answers' settle timer runs
    expect(stepOf(w, 'load-balancer').done).toBe(false); // one member twice: not alternating
    await m.traffic.deliverHttp(pair[1]!.id, 80, browserRequest(lb.vipAddress));
    await vi.waitFor(() => expect(stepOf(w, 'load-balancer').done).toBe(true), { timeout: 2_000, interval: 10 });

    // Only the ssh step is left: a real login (the data plane's hook) completes the tutorial.
    const before = engine.tutorials.progressOf(projectId, w.admin.id, 'getting-started')!;
    expect(before.status).toBe('IN_PROGRESS');
    engine.tutorials.sshLogin(projectId, pair[0]!.id);
    await settle();
    const done = engine.tutorials.view(engine.tutorials.progressOf(projectId, w.admin.id, 'getting-started')!);
    expect(done.status).toBe('COMPLETED');
    expect(done.currentStepId).toBeNull();
    expect(done.steps.every((s) => s.done && s.durationMs !== null && s.durationMs >= 0)).toBe(true);
  });

  it('tells viewers when the hint of any open step changes, not only the first one', async () => {
    const w = world();
    const { engine, projectId, m } = w;
    // An imported key (not downloaded from Sandcloud) keeps the instance step open, first in line;
    // the ssh step further down is open too, its port 22 closed.
    const keyPair = m.keyPairs.import(projectId, 'imported', TEST_PUBLIC_KEY);
    const group = m.securityGroups.list(projectId).find((g) => g.name === 'default')!;
    const [web] = m.instances.create(projectId, instanceInput(w, { keyName: keyPair.name, securityGroupIds: [group.id] }));
    engine.advance(5_000);
    const fip = m.floatingIps.allocate(projectId);
    m.floatingIps.associate(projectId, fip.id, web!.portId!);
    engine.tutorials.start(projectId, w.admin, 'getting-started');
    expect(stepOf(w, 'instance').hint?.code).toBe('key-not-downloaded');
    expect(stepOf(w, 'ssh').hint?.code).toBe('port-closed');

    const changes: string[] = [];
    engine.events.subscribe((event) => {
      if (event.kind === 'tutorial-progress') changes.push(event.change);
    });
    // A dropped attempt has no event of its own: the slow timer's evaluation finds it.
    m.flowLogs.record({ instanceId: web!.id, projectId, sourceIp: '198.51.100.7', sourcePort: 50000, destinationIp: fip.address, protocol: 'tcp', port: 22, action: 'DROP', reasonCode: 'NO_MATCHING_RULE', message: 'no rule' });
    engine.tutorials.evaluate(projectId);
    await settle();
    expect(stepOf(w, 'ssh').hint?.code).toBe('port-closed-dropped');
    expect(changes).toEqual(['updated']);
  });

  it('keeps progress across a restart and starts over on request', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'tutorial-')), 'sandcloud.db');
    const first = world({ databasePath });
    first.engine.tutorials.start(first.projectId, first.admin, 'getting-started');
    const { keyPair } = await first.m.keyPairs.create(first.projectId, 'k', 'ed25519');
    first.m.instances.create(first.projectId, instanceInput(first, { keyName: keyPair.name }));
    first.engine.advance(5_000);
    await settle();
    expect(doneSteps(first)).toEqual(['activate', 'instance', 'topology']);
    first.engine.close();

    const engine = createEngine({ databasePath, clock: new ManualClock() });
    engine.tutorials.register([GUIDE]);
    const admin = engine.identity.findUser('admin')!;
    const progress = engine.tutorials.progressOf(first.projectId, admin.id, 'getting-started')!;
    expect(engine.tutorials.view(progress).steps.filter((s) => s.done).map((s) => s.id)).toEqual(['activate', 'instance', 'topology']);
    expect(engine.tutorials.progressIn(first.projectId).map((p) => [p.username, p.currentStepId])).toEqual([['admin', 'floating-ip']]);

    // Starting over forgets what was done, then finds again what is true now.
    first.engine = engine;
    const again = engine.tutorials.start(first.projectId, admin, 'getting-started');
    expect(again.steps.filter((s) => s.done).map((s) => s.id)).toEqual(['activate', 'instance', 'topology']);
    expect(again.startedAt).toBe(engine.clock.now());
    engine.close();
  });

  it('refuses an unknown tutorial', () => {
    const w = world();
    expect(() => w.engine.tutorials.start(w.projectId, w.admin, 'nope')).toThrow('No tutorial with id nope');
  });
});

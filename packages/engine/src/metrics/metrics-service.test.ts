import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld, launchInstance, type TestWorld } from '../testing/test-world.ts';
import { METRICS_INTERVAL_MS } from './metrics-service.ts';

const worlds: TestWorld[] = [];
afterEach(() => {
  for (const world of worlds.splice(0)) world.engine.close();
});

class FakeSocket extends EventEmitter {
  bytesRead = 0;
  bytesWritten = 0;
}

function world() {
  const w = createTestWorld();
  worlds.push(w);
  return w;
}

const last = (values: (number | null)[] | undefined) => values?.[values.length - 1];

describe('monitoring samples', () => {
  it('network bytes and packets per second follow the data plane connections, open and closed', () => {
    const w = world();
    const instance = launchInstance(w);
    const socket = new FakeSocket();
    w.m.metrics.trackConnection(instance.id, socket);
    socket.bytesRead = 5_000;
    socket.bytesWritten = 50_000;
    w.clock.advance(METRICS_INTERVAL_MS);
    w.m.metrics.sample();
    let series = w.m.metrics.instance(w.projectId, instance.id);
    expect(last(series.values.netInBytes)).toBe(1000);
    expect(last(series.values.netOutBytes)).toBe(10_000);
    expect(last(series.values.netInPackets)).toBe(0.8); // 4 segments in 5 s
    expect(last(series.values.netOutPackets)).toBe(7); // 35 segments in 5 s
    socket.bytesWritten = 60_000;
    socket.emit('close');
    w.clock.advance(METRICS_INTERVAL_MS);
    w.m.metrics.sample();
    series = w.m.metrics.instance(w.projectId, instance.id);
    expect(last(series.values.netOutBytes)).toBe(2000);
    w.clock.advance(METRICS_INTERVAL_MS);
    w.m.metrics.sample();
    expect(last(w.m.metrics.instance(w.projectId, instance.id).values.netOutBytes)).toBe(0);
  });

  it('CPU rises with a busy process in the guest and disk writes follow its file system', async () => {
    const w = world();
    const instance = launchInstance(w);
    const session = w.m.guests.openSession(w.projectId, instance.id);
    w.m.metrics.sample();
    expect(last(w.m.metrics.instance(w.projectId, instance.id).values.cpuPercent)).toBe(1);
    await session.runCommand('yes > /dev/null &');
    await session.runCommand('echo 0123456789 > /root/ten.txt');
    w.clock.advance(METRICS_INTERVAL_MS);
    w.m.metrics.sample();
    const series = w.m.metrics.instance(w.projectId, instance.id);
    expect(last(series.values.cpuPercent)).toBe(100); // m2.c1m2: one vCPU, kept busy
    expect(last(series.values.diskWriteBytes)).toBe(2.2); // 11 bytes in 5 s
    expect(series.times).toHaveLength(2);
  });

  it('keeps one hour of samples and refuses an instance of another project', () => {
    const w = world();
    const instance = launchInstance(w);
    for (let i = 0; i < 800; i++) {
      w.clock.advance(METRICS_INTERVAL_MS);
      w.m.metrics.sample();
    }
    expect(w.m.metrics.instance(w.projectId, instance.id).times).toHaveLength(720);
    expect(() => w.m.metrics.instance('other-project', instance.id)).toThrow(`No instance with id ${instance.id}`);
  });
});

describe('load balancer samples', () => {
  it('requests per second and health of each member', () => {
    const w = world();
    const members = [launchInstance(w, { name: 'a' }), launchInstance(w, { name: 'b' })];
    const lb = w.m.loadBalancers.create(w.projectId, {
      name: 'lb',
      subnetId: w.m.network.subnets(w.projectId)[0]!.id,
      listener: { protocol: 'HTTP', protocolPort: 80 },
      pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, healthMonitor: { type: 'TCP', monitorPort: 80 }, members: members.map((i) => ({ instanceId: i.id })) },
    });
    w.engine.advance(5_000);
    const series = () => w.m.metrics.loadBalancer(w.projectId, lb.id);
    const [first, second] = series().members;
    w.m.metrics.sample();
    w.m.metrics.countMemberRequests(first!.id, 40);
    w.m.metrics.countMemberRequests(second!.id, 10);
    w.clock.advance(METRICS_INTERVAL_MS);
    w.m.metrics.sample();
    const { values, members: listed } = series();
    expect(listed.map((m) => m.port)).toEqual([80, 80]);
    expect(values[`requests:${first!.id}`]).toEqual([0, 8]);
    expect(values[`requests:${second!.id}`]).toEqual([0, 2]);
    expect(values[`health:${first!.id}`]).toEqual([1, 1]);
    expect(() => w.m.metrics.loadBalancer('other', lb.id)).toThrow(`No load balancer with id ${lb.id}`);
  });
});

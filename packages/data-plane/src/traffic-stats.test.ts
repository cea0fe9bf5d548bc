import type { Engine, LoadBalancerStats } from '@sandcloud/engine';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrafficStats } from './traffic-stats.ts';

// Statistics are counted in memory and reach the engine in one write per load balancer per
// interval: never a database write per request or per connection.

function fakeEngine(deleted: string[] = []) {
  const writes: { loadBalancerId: string; delta: Partial<LoadBalancerStats> }[] = [];
  const engine = {
    modules: {
      loadBalancers: {
        recordTraffic(loadBalancerId: string, delta: Partial<LoadBalancerStats>) {
          if (deleted.includes(loadBalancerId)) throw new Error(`load balancer ${loadBalancerId} not found`);
          writes.push({ loadBalancerId, delta });
        },
      },
    },
  } as unknown as Engine;
  return { engine, writes };
}

/** A connection as far as the statistics look at it: its byte counters. */
const fakeSocket = () => ({ bytesRead: 0, bytesWritten: 0 }) as Socket & { bytesRead: number; bytesWritten: number };

afterEach(() => {
  vi.useRealTimers();
});

describe('load balancer traffic statistics', () => {
  it('counts requests and connections in memory and writes each load balancer once per flush', () => {
    const { engine, writes } = fakeEngine();
    const stats = new TrafficStats(engine);
    const first = fakeSocket();
    const second = fakeSocket();
    stats.opened('lb-1', first);
    stats.opened('lb-1', second);
    for (let request = 0; request < 500; request++) stats.request('lb-1');
    stats.error('lb-1');
    stats.opened('lb-2', fakeSocket());
    first.bytesRead = 300;
    first.bytesWritten = 1_200;
    stats.closed(first);
    expect(writes).toEqual([]);

    stats.flush();
    expect(writes).toEqual([
      { loadBalancerId: 'lb-1', delta: { totalConnections: 2, activeConnections: 1, totalRequests: 500, requestErrors: 1, bytesIn: 300, bytesOut: 1_200 } },
      { loadBalancerId: 'lb-2', delta: { totalConnections: 1, activeConnections: 1, totalRequests: 0, requestErrors: 0, bytesIn: 0, bytesOut: 0 } },
    ]);

    // Nothing new: nothing written.
    stats.flush();
    expect(writes).toHaveLength(2);
  });

  it('adds the bytes of open connections as they grow, and only the growth', () => {
    const { engine, writes } = fakeEngine();
    const stats = new TrafficStats(engine);
    const socket = fakeSocket();
    stats.opened('lb-1', socket);
    stats.flush();
    socket.bytesRead = 100;
    socket.bytesWritten = 400;
    stats.flush();
    socket.bytesRead = 150;
    socket.bytesWritten = 900;
    stats.closed(socket);
    stats.flush();
    expect(writes.map(({ delta }) => [delta.bytesIn, delta.bytesOut, delta.activeConnections])).toEqual([
      [0, 0, 1],
      [100, 400, 0],
      [50, 500, -1],
    ]);
  });

  it('keeps one counters object per load balancer, zeroed by each flush, that the forwarder adds to directly', () => {
    const { engine, writes } = fakeEngine();
    const stats = new TrafficStats(engine);
    const counters = stats.countersOf('lb-1');
    counters.totalRequests += 3;
    stats.flush();
    expect(stats.countersOf('lb-1')).toBe(counters);
    expect(counters.totalRequests).toBe(0);
    counters.totalRequests += 2;
    stats.flush();
    expect(writes.map(({ delta }) => delta.totalRequests)).toEqual([3, 2]);
  });

  it('flushes on its interval, and once more when stopped', () => {
    vi.useFakeTimers();
    const { engine, writes } = fakeEngine();
    const stats = new TrafficStats(engine);
    stats.start(1_000);
    stats.request('lb-1');
    stats.request('lb-1');
    vi.advanceTimersByTime(999);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes.map(({ delta }) => delta.totalRequests)).toEqual([2]);
    stats.request('lb-1');
    stats.stop();
    expect(writes.map(({ delta }) => delta.totalRequests)).toEqual([2, 1]);
    vi.advanceTimersByTime(5_000);
    expect(writes).toHaveLength(2);
  });

  it('drops the counters of a deleted load balancer without losing the others', () => {
    const { engine, writes } = fakeEngine(['gone']);
    const stats = new TrafficStats(engine);
    stats.request('gone');
    stats.request('lb-1');
    expect(() => stats.flush()).not.toThrow();
    expect(writes).toEqual([{ loadBalancerId: 'lb-1', delta: expect.objectContaining({ totalRequests: 1 }) }]);
  });
});

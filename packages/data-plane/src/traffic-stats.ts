import type { Engine, LoadBalancerStats } from '@sandcloud/engine';
import type { Socket } from 'node:net';

// A load balancer's statistics, counted in memory per connection and request and added to the
// engine in one write per load balancer per interval: never a database write per request. The
// forwarder keeps each load balancer's counters at hand and adds to them directly; a flush sends
// what they hold as one delta (`recordTraffic`) and zeroes them.

/** What a load balancer carried since the last flush. */
export type TrafficCounters = LoadBalancerStats;

interface LiveConnection {
  counters: TrafficCounters;
  read: number;
  written: number;
}

const FIELDS = ['totalConnections', 'activeConnections', 'totalRequests', 'requestErrors', 'bytesIn', 'bytesOut'] as const satisfies readonly (keyof LoadBalancerStats)[];

export class TrafficStats {
  /** Per load balancer and listener port (Octavia's listener statistics); port 0: not known. */
  private readonly counters = new Map<string, { loadBalancerId: string; port: number; counters: TrafficCounters }>();
  private readonly live = new Map<Socket, LiveConnection>();
  private timer: NodeJS.Timeout | null = null;
  private readonly memberRequests = new Map<string, number>();

  constructor(private readonly engine: Engine) {}

  /** Flushes every `intervalMs` (the load balancer page shows the statistics as they arrive). */
  start(intervalMs: number): void {
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  /** The counters of a load balancer's listener port: one object for as long as the load balancer exists, zeroed by each flush. */
  countersOf(loadBalancerId: string, port = 0): TrafficCounters {
    const key = `${loadBalancerId}:${port}`;
    let entry = this.counters.get(key);
    if (!entry) {
      entry = { loadBalancerId, port, counters: { totalConnections: 0, activeConnections: 0, totalRequests: 0, requestErrors: 0, bytesIn: 0, bytesOut: 0 } };
      this.counters.set(key, entry);
    }
    return entry.counters;
  }

  opened(loadBalancerId: string, socket: Socket, port = 0): void {
    const counters = this.countersOf(loadBalancerId, port);
    counters.totalConnections++;
    counters.activeConnections++;
    this.live.set(socket, { counters, read: 0, written: 0 });
  }

  closed(socket: Socket): void {
    const connection = this.live.get(socket);
    if (!connection) return;
    countBytes(socket, connection);
    this.live.delete(socket);
    connection.counters.activeConnections--;
  }

  request(loadBalancerId: string): void {
    this.countersOf(loadBalancerId).totalRequests++;
  }

  error(loadBalancerId: string): void {
    this.countersOf(loadBalancerId).requestErrors++;
  }

  /** A request sent to a member (the monitoring graph's requests/s per member), reported at each flush. */
  memberRequest(memberId: string): void {
    this.memberRequests.set(memberId, (this.memberRequests.get(memberId) ?? 0) + 1);
  }

  /** Adds what was counted since the last flush (bytes of open connections included) to the engine. */
  flush(): void {
    for (const [memberId, count] of this.memberRequests) this.engine.modules.metrics.countMemberRequests(memberId, count);
    this.memberRequests.clear();
    for (const [socket, connection] of this.live) countBytes(socket, connection);
    for (const [key, { loadBalancerId, port, counters }] of this.counters) {
      if (FIELDS.every((field) => counters[field] === 0)) continue;
      const delta = { ...counters };
      for (const field of FIELDS) counters[field] = 0;
      try {
        if (port) this.engine.modules.loadBalancers.recordTraffic(loadBalancerId, delta, port);
        else this.engine.modules.loadBalancers.recordTraffic(loadBalancerId, delta);
      } catch {
        // The load balancer was deleted meanwhile: its counters went with it.
        this.counters.delete(key);
      }
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }
}

function countBytes(socket: Socket, connection: LiveConnection): void {
  const read = socket.bytesRead;
  const written = socket.bytesWritten;
  connection.counters.bytesIn += read - connection.read;
  connection.counters.bytesOut += written - connection.written;
  connection.read = read;
  connection.written = written;
}

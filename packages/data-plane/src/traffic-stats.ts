import type { Engine, LoadBalancerStats } from '@sandcloud/engine';
import type { Socket } from 'node:net';

// A load balancer's statistics, counted in memory per connection and request and added to the
// engine in one write per load balancer per interval: never a database write per request.

interface LiveConnection {
  loadBalancerId: string;
  read: number;
  written: number;
}

export class TrafficStats {
  private pending = new Map<string, Partial<LoadBalancerStats>>();
  private readonly live = new Map<Socket, LiveConnection>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly engine: Engine) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  opened(loadBalancerId: string, socket: Socket): void {
    this.add(loadBalancerId, { totalConnections: 1, activeConnections: 1 });
    this.live.set(socket, { loadBalancerId, read: 0, written: 0 });
  }

  closed(socket: Socket): void {
    const connection = this.live.get(socket);
    if (!connection) return;
    this.countBytes(socket, connection);
    this.live.delete(socket);
    this.add(connection.loadBalancerId, { activeConnections: -1 });
  }

  request(loadBalancerId: string): void {
    this.add(loadBalancerId, { totalRequests: 1 });
  }

  error(loadBalancerId: string): void {
    this.add(loadBalancerId, { requestErrors: 1 });
  }

  /** Adds what was counted since the last flush (bytes of open connections included) to the engine. */
  flush(): void {
    for (const [socket, connection] of this.live) this.countBytes(socket, connection);
    const pending = this.pending;
    this.pending = new Map();
    for (const [loadBalancerId, delta] of pending) {
      try {
        this.engine.modules.loadBalancers.recordTraffic(loadBalancerId, delta);
      } catch {
        // The load balancer was deleted meanwhile: its counters went with it.
      }
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }

  private countBytes(socket: Socket, connection: LiveConnection): void {
    const read = socket.bytesRead;
    const written = socket.bytesWritten;
    if (read === connection.read && written === connection.written) return;
    this.add(connection.loadBalancerId, { bytesIn: read - connection.read, bytesOut: written - connection.written });
    connection.read = read;
    connection.written = written;
  }

  private add(loadBalancerId: string, delta: Partial<LoadBalancerStats>): void {
    let entry = this.pending.get(loadBalancerId);
    if (!entry) {
      entry = {};
      this.pending.set(loadBalancerId, entry);
    }
    for (const [key, value] of Object.entries(delta) as [keyof LoadBalancerStats, number][]) entry[key] = (entry[key] ?? 0) + value;
  }
}

import type { Clock } from '../core/clock.ts';
import type { ResourceStore } from '../store/resource-store.ts';

/**
 * What a security group did with a connection to an instance, as a VPC flow log records it:
 * ACCEPT (a rule matched), DROP (no rule: the firewall stays silent) or REJECT (a rule matched
 * but nothing listens on the port, so the instance itself refused it).
 */
export type FlowAction = 'ACCEPT' | 'DROP' | 'REJECT';

export interface FlowLogEntry {
  id: number;
  instanceId: string;
  projectId: string | null;
  at: number;
  sourceIp: string;
  sourcePort: number | null;
  destinationIp: string;
  protocol: 'tcp' | 'udp' | 'icmp';
  port: number | null;
  action: FlowAction;
  /** The engine's reason code (`ALLOWED_BY_RULE`, `NO_MATCHING_RULE`, `INSTANCE_NOT_RUNNING`, `NO_LISTENER`…). */
  reasonCode: string;
  message: string;
}

export type FlowRecord = Omit<FlowLogEntry, 'id' | 'at'> & { at?: number };

/** How many entries each instance keeps; older ones are pruned as new ones arrive. */
export const FLOW_LOG_RETENTION = 200;
const FLUSH_DELAY_MS = 500;

/**
 * The flow logs of instances. The data plane records one entry per connection; entries are
 * buffered and written in one transaction at most twice a second (never one write per packet),
 * and reading flushes first, so a reader always sees what happened before it asked.
 */
export class FlowLogService {
  private buffer: FlowRecord[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: ResourceStore,
    private readonly clock: Clock,
    private readonly retention = FLOW_LOG_RETENTION,
  ) {}

  record(entry: FlowRecord): void {
    this.buffer.push({ ...entry, at: entry.at ?? this.clock.now() });
    if (!this.timer) {
      this.timer = setTimeout(() => this.flushQuietly(), FLUSH_DELAY_MS);
      this.timer.unref();
    }
  }

  /** The newest entries of an instance first. */
  list(instanceId: string, limit = this.retention): FlowLogEntry[] {
    this.flush();
    return this.store.flowLogs.newest(instanceId, limit) as FlowLogEntry[];
  }

  /** Writes what is buffered; the data plane calls it when it stops. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0) return;
    const entries = this.buffer;
    this.buffer = [];
    const now = this.clock.now();
    this.store.transaction(() => this.store.flowLogs.append(entries.map((entry) => ({ ...entry, at: entry.at ?? now })), this.retention));
  }

  /** An instance is deleted: its flow log goes with it. */
  forget(instanceId: string): void {
    this.buffer = this.buffer.filter((entry) => entry.instanceId !== instanceId);
    this.store.flowLogs.forget(instanceId);
  }

  private flushQuietly(): void {
    try {
      this.flush();
    } catch (error) {
      // The database is closed (shutdown): the last half second of flow logs is lost, nothing else.
      console.warn('[flow-logs] could not write flow logs:', (error as Error).message);
    }
  }
}

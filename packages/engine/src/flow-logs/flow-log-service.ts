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

interface FlowRow {
  id: number;
  instance_id: string;
  project_id: string | null;
  at: number;
  source_ip: string;
  source_port: number | null;
  destination_ip: string;
  protocol: FlowLogEntry['protocol'];
  port: number | null;
  action: FlowAction;
  reason_code: string;
  message: string;
}

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
    const rows = this.store.db
      .prepare('SELECT * FROM flow_logs WHERE instance_id = ? ORDER BY id DESC LIMIT ?')
      .all(instanceId, limit) as FlowRow[];
    return rows.map(fromRow);
  }

  /** Writes what is buffered; the data plane calls it when it stops. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0) return;
    const entries = this.buffer;
    this.buffer = [];
    const insert = this.store.db.prepare(
      `INSERT INTO flow_logs (instance_id, project_id, at, source_ip, source_port, destination_ip, protocol, port, action, reason_code, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const prune = this.store.db.prepare(
      `DELETE FROM flow_logs WHERE instance_id = ? AND id <= (
         SELECT id FROM flow_logs WHERE instance_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    );
    this.store.transaction(() => {
      const touched = new Set<string>();
      for (const entry of entries) {
        insert.run(entry.instanceId, entry.projectId, entry.at, entry.sourceIp, entry.sourcePort, entry.destinationIp, entry.protocol, entry.port, entry.action, entry.reasonCode, entry.message);
        touched.add(entry.instanceId);
      }
      for (const instanceId of touched) prune.run(instanceId, instanceId, this.retention);
    });
  }

  /** An instance is deleted: its flow log goes with it. */
  forget(instanceId: string): void {
    this.buffer = this.buffer.filter((entry) => entry.instanceId !== instanceId);
    this.store.db.prepare('DELETE FROM flow_logs WHERE instance_id = ?').run(instanceId);
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

function fromRow(row: FlowRow): FlowLogEntry {
  return {
    id: row.id,
    instanceId: row.instance_id,
    projectId: row.project_id,
    at: row.at,
    sourceIp: row.source_ip,
    sourcePort: row.source_port,
    destinationIp: row.destination_ip,
    protocol: row.protocol,
    port: row.port,
    action: row.action,
    reasonCode: row.reason_code,
    message: row.message,
  };
}

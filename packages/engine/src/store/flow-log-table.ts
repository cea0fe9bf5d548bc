import type { SqliteDatabase } from './database.ts';

/** One connection as the flow log keeps it (`flow-logs/flow-log-service.ts` gives the meaning). */
export interface FlowLogRow {
  id: number;
  instanceId: string;
  projectId: string | null;
  at: number;
  sourceIp: string;
  sourcePort: number | null;
  destinationIp: string;
  protocol: string;
  port: number | null;
  action: string;
  reasonCode: string;
  message: string;
}

const COLUMNS = `id, instance_id AS instanceId, project_id AS projectId, at, source_ip AS sourceIp, source_port AS sourcePort,
  destination_ip AS destinationIp, protocol, port, action, reason_code AS reasonCode, message`;

/** Flow log entries per instance, kept to the newest `retention` of each. */
export class FlowLogTable {
  constructor(private readonly db: SqliteDatabase) {}

  /** The newest entries of an instance first. */
  newest(instanceId: string, limit: number): FlowLogRow[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM flow_logs WHERE instance_id = ? ORDER BY id DESC LIMIT ?`).all(instanceId, limit) as FlowLogRow[];
  }

  /** Appends the entries and prunes each instance touched to its newest `retention`. Call inside `store.transaction`. */
  append(entries: Omit<FlowLogRow, 'id'>[], retention: number): void {
    const insert = this.db.prepare(
      `INSERT INTO flow_logs (instance_id, project_id, at, source_ip, source_port, destination_ip, protocol, port, action, reason_code, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const prune = this.db.prepare(
      `DELETE FROM flow_logs WHERE instance_id = ? AND id <= (
         SELECT id FROM flow_logs WHERE instance_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    );
    const touched = new Set<string>();
    for (const e of entries) {
      insert.run(e.instanceId, e.projectId, e.at, e.sourceIp, e.sourcePort, e.destinationIp, e.protocol, e.port, e.action, e.reasonCode, e.message);
      touched.add(e.instanceId);
    }
    for (const instanceId of touched) prune.run(instanceId, instanceId, retention);
  }

  forget(instanceId: string): void {
    this.db.prepare('DELETE FROM flow_logs WHERE instance_id = ?').run(instanceId);
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM flow_logs').pluck().get() as number;
  }
}

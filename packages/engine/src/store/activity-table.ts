import type { ActivityEntry, ActivityResult } from '@sandcloud/domain';
import type { SqliteDatabase } from './database.ts';
import { Statements } from './statements.ts';

/** One line of the activity log (`activity/activity-log.ts` gives the meaning), times in ms. */
export type ActivityRow = ActivityEntry<number>;

export interface ActivityFilter {
  projectId: string;
  userName?: string;
  resourceKind?: string;
  resourceId?: string;
  action?: string;
  result?: ActivityResult;
  from?: number;
  to?: number;
}

const COLUMNS = `id, at, project_id AS projectId, user_id AS userId, user_name AS userName, action, resource_kind AS resourceKind,
  resource_id AS resourceId, resource_name AS resourceName, result, reason, request_id AS requestId, source, finished_at AS finishedAt`;

/** The activity log's rows, paged newest first per project (index `activity_log_by_project`). */
export class ActivityTable {
  /** Compiled once each: a line is appended after every change made through the API. */
  private readonly sql: Statements;
  private readonly insertRows: (rows: readonly Omit<ActivityRow, 'id'>[]) => void;

  constructor(private readonly db: SqliteDatabase) {
    this.sql = new Statements(db);
    this.insertRows = db.transaction((rows: readonly Omit<ActivityRow, 'id'>[]) => {
      const insert = this.sql.get(
        `INSERT INTO activity_log (at, project_id, user_id, user_name, action, resource_kind, resource_id, resource_name, result, reason, request_id, source, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const row of rows) {
        insert.run(row.at, row.projectId, row.userId, row.userName, row.action, row.resourceKind, row.resourceId, row.resourceName, row.result, row.reason, row.requestId, row.source, row.finishedAt);
      }
    });
  }

  /** Writes the lines in one transaction (one fsync for all the lines of a request). */
  append(rows: readonly Omit<ActivityRow, 'id'>[]): void {
    this.insertRows(rows);
  }

  /** Ends the newest accepted line of `action` on the resource (a long operation finished). */
  settle(resourceId: string, action: string, result: Exclude<ActivityResult, 'accepted'>, reason: string | null, at: number): void {
    this.sql
      .get(
        `UPDATE activity_log SET result = ?, reason = ?, finished_at = ? WHERE id = (
           SELECT id FROM activity_log WHERE resource_id = ? AND action = ? AND result = 'accepted' ORDER BY id DESC LIMIT 1)`,
      )
      .run(result, reason, at, resourceId, action);
  }

  page(filter: ActivityFilter, limit: number, offset: number): { items: ActivityRow[]; total: number } {
    const { where, params } = whereOf(filter);
    const total = this.db.prepare(`SELECT COUNT(*) FROM activity_log WHERE ${where}`).pluck().get(...params) as number;
    const items = this.db.prepare(`SELECT ${COLUMNS} FROM activity_log WHERE ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as ActivityRow[];
    return { items, total };
  }

  /** Deletes the lines older than `before`; answers how many went. */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM activity_log WHERE at < ?').run(before).changes;
  }
}

function whereOf(filter: ActivityFilter): { where: string; params: unknown[] } {
  const clauses = ['project_id = ?'];
  const params: unknown[] = [filter.projectId];
  const add = (clause: string, value: unknown) => {
    if (value === undefined || value === '') return;
    clauses.push(clause);
    params.push(value);
  };
  add('user_name = ? COLLATE NOCASE', filter.userName);
  add('resource_kind = ?', filter.resourceKind);
  add('resource_id = ?', filter.resourceId);
  add('action = ?', filter.action);
  add('result = ?', filter.result);
  add('at >= ?', filter.from);
  add('at <= ?', filter.to);
  return { where: clauses.join(' AND '), params };
}

import type { SqliteDatabase } from './database.ts';
import { Statements } from './statements.ts';

export interface MembershipRow {
  projectId: string;
  userId: string;
  role: string;
}

/** Who belongs to which project with which role (users are removed with their memberships). */
export class ProjectMemberTable {
  /** Compiled once each: `roleOf` runs on every project request and, per user, on every live event. */
  private readonly sql: Statements;

  constructor(db: SqliteDatabase) {
    this.sql = new Statements(db);
  }

  /** Adds the membership or changes its role. */
  put(projectId: string, userId: string, role: string): void {
    this.sql
      .get('INSERT INTO project_members VALUES (?, ?, ?) ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role')
      .run(projectId, userId, role);
  }

  remove(projectId: string, userId: string): void {
    this.sql.get('DELETE FROM project_members WHERE project_id = ? AND user_id = ?').run(projectId, userId);
  }

  roleOf(projectId: string, userId: string): string | undefined {
    return this.sql.get('SELECT role FROM project_members WHERE project_id = ? AND user_id = ?').pluck().get(projectId, userId) as string | undefined;
  }

  ofUser(userId: string): MembershipRow[] {
    return this.sql
      .get('SELECT project_id AS projectId, user_id AS userId, role FROM project_members WHERE user_id = ?')
      .all(userId) as MembershipRow[];
  }

  /** The project's members with their user names, by user name. */
  ofProject(projectId: string): { userId: string; username: string; role: string }[] {
    return this.sql
      .get(
        `SELECT m.user_id AS userId, u.username, m.role FROM project_members m JOIN users u ON u.id = m.user_id
         WHERE m.project_id = ? ORDER BY u.username`,
      )
      .all(projectId) as { userId: string; username: string; role: string }[];
  }
}

import type { SqliteDatabase } from './database.ts';
import { Statements } from './statements.ts';

/** A user as stored: the identity service turns it into a `User` and never lets the hash out. */
export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  is_admin: number;
  language: string;
  created_at: number;
  disabled_at: number | null;
}

export interface SessionRow extends UserRow {
  csrf_token: string;
  expires_at: number;
}

/**
 * The SQL of users and sessions, for the identity service. Sessions are stored by a hash of their
 * token; callers pass that hash. Mutations are expected inside the caller's store transaction.
 */
export class IdentityTables {
  /** Compiled once each: a session is looked up on every request. */
  private readonly statements: Statements;

  constructor(db: SqliteDatabase) {
    this.statements = new Statements(db);
  }

  private prepare(sql: string) {
    return this.statements.get(sql);
  }

  insertUser(row: UserRow): void {
    this
      .prepare(
        `INSERT INTO users (id, username, password_hash, is_admin, language, created_at, disabled_at)
         VALUES (@id, @username, @password_hash, @is_admin, @language, @created_at, @disabled_at)`,
      )
      .run(row);
  }

  countUsers(): number {
    return (this.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  /** Administrators who can still sign in: the last of them cannot be disabled or deleted. */
  countActiveAdmins(): number {
    return (this.prepare('SELECT COUNT(*) AS n FROM users WHERE is_admin = 1 AND disabled_at IS NULL').get() as { n: number }).n;
  }

  listUsers(): UserRow[] {
    return this.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[];
  }

  userById(id: string): UserRow | undefined {
    return this.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  userByName(username: string): UserRow | undefined {
    return this.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  }

  setLanguage(userId: string, language: string): void {
    this.prepare('UPDATE users SET language = ? WHERE id = ?').run(language, userId);
  }

  setPasswordHash(userId: string, hash: string): void {
    this.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, userId);
  }

  setDisabledAt(userId: string, disabledAt: number | null): void {
    this.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(disabledAt, userId);
  }

  /** Names of the projects whose only admin is this user (deleting them would orphan the project). */
  projectsOnlyAdministeredBy(userId: string): string[] {
    return (
      this
        .prepare(
          `SELECT r.name FROM project_members m JOIN resources r ON r.kind = 'project' AND r.id = m.project_id
           WHERE m.user_id = ? AND m.role = 'admin'
             AND NOT EXISTS (SELECT 1 FROM project_members o WHERE o.project_id = m.project_id AND o.role = 'admin' AND o.user_id <> m.user_id)
           ORDER BY r.name`,
        )
        .all(userId) as { name: string }[]
    ).map((row) => row.name);
  }

  /** Sessions and project memberships go with the user (ON DELETE CASCADE). */
  deleteUser(userId: string): void {
    this.prepare('DELETE FROM users WHERE id = ?').run(userId);
  }

  insertSession(tokenHash: string, userId: string, csrfToken: string, createdAt: number, expiresAt: number): void {
    this.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?)').run(tokenHash, userId, csrfToken, createdAt, expiresAt);
  }

  deleteExpiredSessions(now: number): void {
    this.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
  }

  /** A live session of a user who is not disabled. */
  liveSession(tokenHash: string, now: number): SessionRow | undefined {
    return this
      .prepare(
        `SELECT u.*, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled_at IS NULL`,
      )
      .get(tokenHash, now) as SessionRow | undefined;
  }

  deleteSession(tokenHash: string): void {
    this.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  /** Ends every session of a user, but the one kept (the caller's own, after a password change). */
  deleteSessionsOf(userId: string, keepTokenHash?: string): void {
    this.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, keepTokenHash ?? null);
  }
}

import { USERNAME_PATTERN } from '@sandcloud/domain';
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { conflict, EngineError, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export type Language = 'ko' | 'en';

export interface User {
  id: string;
  username: string;
  isAdmin: boolean;
  language: Language;
  createdAt: number;
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: number;
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  is_admin: number;
  language: string;
  created_at: number;
}

const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  isAdmin: row.is_admin === 1,
  language: row.language === 'en' ? 'en' : 'ko',
  createdAt: row.created_at,
});

// Only a hash of the session token is stored: a leaked database file does not leak live sessions.
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export class IdentityService {
  constructor(
    private readonly store: ResourceStore,
    private readonly clock: Clock,
  ) {}

  createUser(input: { username: string; password: string; isAdmin?: boolean }): User {
    if (!USERNAME_PATTERN.test(input.username)) {
      throw invalidInput('User names are 2–64 letters, digits, ".", "_" or "-", starting with a letter or digit', 'username');
    }
    if (input.password.length < 8) throw invalidInput('Passwords have at least 8 characters', 'password');
    return this.store.transaction(() => {
      if (this.findRow(input.username)) throw conflict(`User ${input.username} already exists`, 'username');
      const row: UserRow = {
        id: newId(),
        username: input.username,
        password_hash: hashPassword(input.password),
        is_admin: input.isAdmin ? 1 : 0,
        language: 'ko',
        created_at: this.clock.now(),
      };
      this.store.db
        .prepare('INSERT INTO users VALUES (@id, @username, @password_hash, @is_admin, @language, @created_at)')
        .run(row);
      // Other admins' Users screens follow; the BFF shows user events to system admins only.
      this.store.emit('user', { id: row.id, projectId: null, status: null }, 'created');
      return toUser(row);
    });
  }

  userCount(): number {
    return (this.store.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  listUsers(): User[] {
    return (this.store.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser);
  }

  getUser(id: string): User {
    const row = this.store.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    if (!row) throw notFound('user', id);
    return toUser(row);
  }

  findUser(username: string): User | undefined {
    const row = this.findRow(username);
    return row ? toUser(row) : undefined;
  }

  setLanguage(userId: string, language: Language): User {
    this.store.transaction(() => this.store.db.prepare('UPDATE users SET language = ? WHERE id = ?').run(language, userId));
    return this.getUser(userId);
  }

  /** Checks the password and opens a session; the same message for a wrong name or password. */
  login(username: string, password: string): { token: string; session: Session } {
    const row = this.findRow(username);
    if (!row || !verifyPassword(password, row.password_hash)) {
      throw new EngineError('UNAUTHENTICATED', 'The user name or password is incorrect');
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    this.store.transaction(() => {
      this.store.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
      this.store.db
        .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?)')
        .run(tokenHash(token), row.id, csrfToken, now, now + SESSION_LIFETIME_MS);
    });
    return { token, session: { user: toUser(row), csrfToken, expiresAt: now + SESSION_LIFETIME_MS } };
  }

  resolveSession(token: string): Session | undefined {
    const row = this.store.db
      .prepare(
        `SELECT u.*, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = ? AND s.expires_at > ?`,
      )
      .get(tokenHash(token), this.clock.now()) as (UserRow & { csrf_token: string; expires_at: number }) | undefined;
    return row ? { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : undefined;
  }

  logout(token: string): void {
    this.store.transaction(() => this.store.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token)));
  }

  private findRow(username: string): UserRow | undefined {
    return this.store.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  }
}

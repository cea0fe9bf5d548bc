import { USERNAME_PATTERN } from '@sandcloud/domain';
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { conflict, EngineError, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { IdentityTables, type UserRow } from '../store/identity-users.ts';
import { DEFAULT_LOGIN_LIMITS, LoginLimits, type LoginLimitOptions } from '../store/identity-login-limits.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { assertPasswordStrength, DECOY_HASH, hashPassword, hashPasswordSync, verifyPassword } from './passwords.ts';

export type Language = 'ko' | 'en';

export interface User {
  id: string;
  username: string;
  isAdmin: boolean;
  language: Language;
  createdAt: number;
  /** Set when an administrator disabled the user: no sign-in, no session. */
  disabledAt: number | null;
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: number;
}

export type { LoginLimitOptions };

const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  isAdmin: row.is_admin === 1,
  language: row.language === 'en' ? 'en' : 'ko',
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

// Only a hash of the session token is stored: a leaked database file does not leak live sessions.
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const WRONG_CREDENTIALS = 'The user name or password is incorrect';

export class IdentityService {
  private readonly tables: IdentityTables;
  private readonly limits: LoginLimits;

  constructor(
    private readonly store: ResourceStore,
    private readonly clock: Clock,
    loginLimits: LoginLimitOptions = DEFAULT_LOGIN_LIMITS,
  ) {
    this.tables = new IdentityTables(store.db);
    this.limits = new LoginLimits(store.db, loginLimits);
  }

  /** Adds a user, hashing on the event loop: for start-up (the first administrator) and tests. */
  createUser(input: { username: string; password: string; isAdmin?: boolean }): User {
    this.assertNewUser(input);
    return this.insertUser(input, hashPasswordSync(input.password));
  }

  /** Adds a user without blocking other requests while the password is hashed (the Users screen). */
  async addUser(input: { username: string; password: string; isAdmin?: boolean }): Promise<User> {
    this.assertNewUser(input);
    return this.insertUser(input, await hashPassword(input.password));
  }

  userCount(): number {
    return this.tables.countUsers();
  }

  listUsers(): User[] {
    return this.tables.listUsers().map(toUser);
  }

  getUser(id: string): User {
    const row = this.tables.userById(id);
    if (!row) throw notFound('user', id);
    return toUser(row);
  }

  findUser(username: string): User | undefined {
    const row = this.tables.userByName(username);
    return row ? toUser(row) : undefined;
  }

  setLanguage(userId: string, language: Language): User {
    this.store.transaction(() => this.tables.setLanguage(userId, language));
    return this.getUser(userId);
  }

  /**
   * Checks the password and opens a session; the same message for a wrong name or password, and the
   * same hash work for both. Failures are counted per account and per client address; past a few,
   * each new attempt waits longer (RATE_LIMITED with the seconds to wait), even with the right password.
   */
  async login(username: string, password: string, clientAddress = 'unknown'): Promise<{ token: string; session: Session }> {
    const accountKey = `account:${username.toLowerCase()}`;
    const addressKey = `address:${clientAddress}`;
    const wait = await this.limits.secondsToWait([accountKey, addressKey]);
    if (wait > 0) {
      throw new EngineError('RATE_LIMITED', `Too many failed sign-ins; try again in ${wait} seconds`, undefined, wait).coded('auth.rateLimited', { seconds: wait });
    }
    const row = this.tables.userByName(username);
    const matches = await verifyPassword(password, row?.password_hash ?? DECOY_HASH);
    if (!row || !matches) {
      await this.limits.recordFailure(accountKey, addressKey);
      throw new EngineError('UNAUTHENTICATED', WRONG_CREDENTIALS).coded('auth.wrongCredentials');
    }
    await this.limits.recordSuccess(accountKey);
    // Told only to whoever knows the password, so it reveals nothing to a guesser.
    if (row.disabled_at !== null) {
      throw new EngineError('ACCOUNT_DISABLED', 'This account has been disabled; ask an administrator to enable it').coded('auth.accountDisabled');
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    this.store.transaction(() => {
      this.tables.deleteExpiredSessions(now);
      this.tables.insertSession(tokenHash(token), row.id, csrfToken, now, now + SESSION_LIFETIME_MS);
    });
    return { token, session: { user: toUser(row), csrfToken, expiresAt: now + SESSION_LIFETIME_MS } };
  }

  /** A live session of an enabled user. Only reads: it keeps working while the disk is full. */
  resolveSession(token: string): Session | undefined {
    const row = this.tables.liveSession(tokenHash(token), this.clock.now());
    return row ? { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : undefined;
  }

  logout(token: string): void {
    this.store.transaction(() => this.tables.deleteSession(tokenHash(token)));
  }

  /** "Change my password": the current password proves it is the user; every other session ends. */
  async changePassword(
    userId: string,
    currentToken: string,
    input: { currentPassword: string; newPassword: string },
    clientAddress = 'unknown',
  ): Promise<void> {
    const row = this.tables.userById(userId);
    if (!row) throw notFound('user', userId);
    // A wrong current password counts as a failed sign-in: a borrowed session cannot guess it freely.
    const accountKey = `account:${row.username.toLowerCase()}`;
    const addressKey = `address:${clientAddress}`;
    const wait = await this.limits.secondsToWait([accountKey, addressKey]);
    if (wait > 0) throw new EngineError('RATE_LIMITED', `Too many failed attempts; try again in ${wait} seconds`, undefined, wait).coded('auth.rateLimited', { seconds: wait });
    if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
      await this.limits.recordFailure(accountKey, addressKey);
      throw invalidInput('The current password is incorrect', 'currentPassword').coded('password.currentIncorrect');
    }
    if (input.newPassword === input.currentPassword) throw invalidInput('Choose a password different from the current one', 'newPassword').coded('password.unchanged');
    this.assertStrength(input.newPassword, row.username, 'newPassword');
    const hash = await hashPassword(input.newPassword);
    this.store.transaction(() => {
      this.tables.setPasswordHash(userId, hash);
      this.tables.deleteSessionsOf(userId, tokenHash(currentToken));
    });
  }

  /** An administrator sets a new password; every session of the user ends and their sign-in waits are lifted. */
  async resetPassword(userId: string, newPassword: string): Promise<void> {
    const row = this.tables.userById(userId);
    if (!row) throw notFound('user', userId);
    this.assertStrength(newPassword, row.username, 'password');
    const hash = await hashPassword(newPassword);
    this.store.transaction(() => {
      this.tables.setPasswordHash(userId, hash);
      this.tables.deleteSessionsOf(userId);
    });
    await this.limits.recordSuccess(`account:${row.username.toLowerCase()}`);
  }

  /** Disables (sessions end, sign-ins are refused) or enables a user; never the acting admin or the last admin. */
  setDisabled(actingUserId: string, userId: string, disabled: boolean): User {
    return this.store.transaction(() => {
      const row = this.tables.userById(userId);
      if (!row) throw notFound('user', userId);
      if (disabled === (row.disabled_at !== null)) return toUser(row);
      if (disabled) {
        this.assertNotSelfOrLastAdmin(actingUserId, row, 'disable');
        this.tables.setDisabledAt(userId, this.clock.now());
        this.tables.deleteSessionsOf(userId);
      } else {
        this.tables.setDisabledAt(userId, null);
      }
      this.store.emit('user', { id: userId, projectId: null, status: null }, 'updated');
      return toUser(this.tables.userById(userId)!);
    });
  }

  /** Deletes a user with their sessions and project memberships; never the acting admin or the last admin. */
  deleteUser(actingUserId: string, userId: string): void {
    this.store.transaction(() => {
      const row = this.tables.userById(userId);
      if (!row) throw notFound('user', userId);
      this.assertNotSelfOrLastAdmin(actingUserId, row, 'delete');
      const orphaned = this.tables.projectsOnlyAdministeredBy(userId);
      if (orphaned.length > 0) {
        throw conflict(`${row.username} is the only admin of project ${orphaned.join(', ')}; make someone else its admin first`).coded('user.onlyProjectAdmin', { name: row.username, projects: orphaned.join(', ') });
      }
      this.tables.deleteUser(userId);
      this.store.emit('user', { id: userId, projectId: null, status: 'DELETED' }, 'deleted');
    });
  }

  private assertNotSelfOrLastAdmin(actingUserId: string, row: UserRow, verb: 'disable' | 'delete'): void {
    if (row.id === actingUserId) throw conflict(`You cannot ${verb} your own account`).coded('user.ownAccount', { action: verb });
    if (row.is_admin === 1 && row.disabled_at === null && this.tables.countActiveAdmins() <= 1) {
      throw conflict(`${row.username} is the last administrator and cannot be ${verb}d`).coded('user.lastAdministrator', { name: row.username, action: verb });
    }
  }

  private assertNewUser(input: { username: string; password: string }): void {
    if (!USERNAME_PATTERN.test(input.username)) {
      throw invalidInput('User names are 2–64 letters, digits, ".", "_" or "-", starting with a letter or digit', 'username').coded('user.nameInvalid');
    }
    this.assertStrength(input.password, input.username, 'password');
  }

  private assertStrength(password: string, username: string, field: string): void {
    try {
      assertPasswordStrength(password, username);
    } catch (error) {
      if (error instanceof EngineError) throw Object.assign(invalidInput(error.message, field), { messageCode: error.messageCode, params: error.params });
      throw error;
    }
  }

  private insertUser(input: { username: string; isAdmin?: boolean }, passwordHash: string): User {
    return this.store.transaction(() => {
      if (this.tables.userByName(input.username)) throw conflict(`User ${input.username} already exists`, 'username').coded('name.taken', { kind: 'user', name: input.username });
      const row: UserRow = {
        id: newId(),
        username: input.username,
        password_hash: passwordHash,
        is_admin: input.isAdmin ? 1 : 0,
        language: 'ko',
        created_at: this.clock.now(),
        disabled_at: null,
      };
      this.tables.insertUser(row);
      // Other admins' Users screens follow; the BFF shows user events to system admins only.
      this.store.emit('user', { id: row.id, projectId: null, status: null }, 'created');
      return toUser(row);
    });
  }
}

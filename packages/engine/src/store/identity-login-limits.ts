import { RateLimiterSQLite } from 'rate-limiter-flexible';
import type { SqliteDatabase } from './database.ts';

/** How many failures are free before delays start, per kind of key. */
export interface LoginLimitOptions {
  /** Failed sign-ins in a row on one account before it has to wait (reset by a success). */
  accountFreeFailures: number;
  /** Failed sign-ins from one client address within a day before it has to wait. */
  addressFreeFailures: number;
  /** The longest wait, however many failures follow. */
  maxDelaySeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimitOptions = { accountFreeFailures: 5, addressFreeFailures: 20, maxDelaySeconds: 15 * 60 };

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Failed sign-in counters and the waits they impose, kept in the `login_limits` table through
 * rate-limiter-flexible (its SQLite store on our better-sqlite3 handle), so a restart does not reset
 * them. Each failure past the free ones doubles the wait: 1 s, 2 s, 4 s … up to `maxDelaySeconds`.
 */
export class LoginLimits {
  private readonly failures: RateLimiterSQLite;
  private readonly waits: RateLimiterSQLite;

  constructor(
    db: SqliteDatabase,
    private readonly options: LoginLimitOptions = DEFAULT_LOGIN_LIMITS,
  ) {
    const common = { storeClient: db, storeType: 'better-sqlite3', tableName: 'login_limits', tableCreated: true };
    // A counter that never refuses (penalty), forgotten a day after the first failure.
    this.failures = new RateLimiterSQLite({ ...common, keyPrefix: 'fail', points: Number.MAX_SAFE_INTEGER, duration: DAY_SECONDS });
    // One point: a `block`ed key has consumed more than it, until its wait is over.
    this.waits = new RateLimiterSQLite({ ...common, keyPrefix: 'wait', points: 1, duration: 1 });
  }

  /** Seconds until the first of `keys` may try again, or 0 when none has to wait. */
  async secondsToWait(keys: readonly string[]): Promise<number> {
    let longest = 0;
    for (const key of keys) {
      const wait = await this.waits.get(key);
      if (wait && wait.consumedPoints > 1 && wait.msBeforeNext > 0) longest = Math.max(longest, Math.ceil(wait.msBeforeNext / 1000));
    }
    return longest;
  }

  /** Counts a failure on the account and on the address; past the free ones, each has to wait. */
  async recordFailure(accountKey: string, addressKey: string): Promise<void> {
    await this.countAndWait(accountKey, this.options.accountFreeFailures);
    await this.countAndWait(addressKey, this.options.addressFreeFailures);
  }

  /** A correct password clears the account's count (the address keeps its daily count). */
  async recordSuccess(accountKey: string): Promise<void> {
    await this.failures.delete(accountKey);
    await this.waits.delete(accountKey);
  }

  private async countAndWait(key: string, free: number): Promise<void> {
    const count = (await this.failures.penalty(key, 1)).consumedPoints;
    if (count < free) return;
    const delay = Math.min(2 ** (count - free), this.options.maxDelaySeconds);
    await this.waits.block(key, delay);
  }
}

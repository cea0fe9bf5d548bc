import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { EngineError } from '../core/errors.ts';
import { createEngine, type Engine } from '../engine.ts';

const engines: Engine[] = [];
const open = (options: Parameters<typeof createEngine>[0] = {}) => {
  const engine = createEngine({ clock: new ManualClock(), ...options });
  engines.push(engine);
  engine.identity.createUser({ username: 'kim', password: 'kim-password' });
  return engine;
};
afterEach(() => {
  vi.useRealTimers();
  for (const engine of engines.splice(0)) engine.close();
});

const failure = async (attempt: Promise<unknown>): Promise<EngineError> => {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('the attempt succeeded');
};

/** Largest gap between ticks of a 2 ms interval while `work` runs: how long the event loop was held. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 2);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  // Work that never yields ends before the first tick: count the time since the last one too.
  return Math.max(longest, performance.now() - last);
}

describe('sign-in hashing', () => {
  it('hashes off the event loop: 8 parallel wrong sign-ins never hold it for the time of 3 hashes', async () => {
    const engine = open({ loginLimits: { accountFreeFailures: 100, addressFreeFailures: 100, maxDelaySeconds: 1 } });
    const start = performance.now();
    await failure(engine.identity.login('kim', 'wrong', '10.0.0.1'));
    const oneHash = performance.now() - start;
    const stall = await longestStall(() =>
      Promise.allSettled(Array.from({ length: 8 }, (_, i) => engine.identity.login('kim', `wrong-${i}`, '10.0.0.1'))),
    );
    // Hashing on the event loop holds it for all 8 hashes in a row.
    expect(stall).toBeLessThan(oneHash * 3);
  });

  it('refuses at once (BUSY) when more sign-ins wait for a hash than the queue holds', async () => {
    const engine = open({ loginLimits: { accountFreeFailures: 1000, addressFreeFailures: 1000, maxDelaySeconds: 1 } });
    const attempts = await Promise.allSettled(Array.from({ length: 20 }, () => engine.identity.login('kim', 'wrong', '10.0.0.1')));
    const codes = attempts.map((attempt) => (attempt.status === 'rejected' ? (attempt.reason as EngineError).code : 'OK'));
    expect(codes.filter((code) => code === 'BUSY').length).toBeGreaterThan(0);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED').length).toBeGreaterThanOrEqual(16);
  });

  it('does the same hash work for an unknown user as for a wrong password', async () => {
    const engine = open({ loginLimits: { accountFreeFailures: 100, addressFreeFailures: 100, maxDelaySeconds: 1 } });
    const time = async (username: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await failure(engine.identity.login(username, 'wrong-password', '10.0.0.1'));
        samples.push(performance.now() - start);
      }
      return samples.sort((a, b) => a - b)[1]!;
    };
    const known = await time('kim');
    const unknown = await time('nobody');
    // Without the decoy hash an unknown user answers ~50 times faster.
    expect(unknown).toBeGreaterThan(known * 0.5);
    const error = await failure(engine.identity.login('nobody', 'wrong-password', '10.0.0.1'));
    expect([error.code, error.message]).toEqual(['UNAUTHENTICATED', 'The user name or password is incorrect']);
  });
});

describe('sign-in limits', () => {
  it('makes an account wait after 5 failures in a row, even for the right password, with growing waits', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-01T00:00:00Z') });
    const engine = open();
    for (let i = 0; i < 5; i++) expect((await failure(engine.identity.login('kim', 'wrong', '10.0.0.1'))).code).toBe('UNAUTHENTICATED');
    const limited = await failure(engine.identity.login('kim', 'kim-password', '10.0.0.2'));
    expect([limited.code, limited.retryAfterSeconds, limited.message]).toEqual([
      'RATE_LIMITED',
      1,
      'Too many failed sign-ins; try again in 1 seconds',
    ]);
    // Each further failure doubles the wait: 2 s, then 4 s.
    vi.setSystemTime(Date.now() + 1_001);
    await failure(engine.identity.login('kim', 'wrong', '10.0.0.1'));
    expect((await failure(engine.identity.login('kim', 'kim-password', '10.0.0.1'))).retryAfterSeconds).toBe(2);
    vi.setSystemTime(Date.now() + 2_001);
    await failure(engine.identity.login('KIM', 'wrong', '10.0.0.1'));
    expect((await failure(engine.identity.login('kim', 'kim-password', '10.0.0.1'))).retryAfterSeconds).toBe(4);
    // Once the wait is over the right password works, and clears the count.
    vi.setSystemTime(Date.now() + 4_001);
    await engine.identity.login('kim', 'kim-password', '10.0.0.1');
    expect((await failure(engine.identity.login('kim', 'wrong', '10.0.0.1'))).code).toBe('UNAUTHENTICATED');
  });

  it('limits one client address across user names', async () => {
    const engine = open({ loginLimits: { accountFreeFailures: 100, addressFreeFailures: 3, maxDelaySeconds: 60 } });
    for (const name of ['a1', 'a2', 'a3']) await failure(engine.identity.login(name, 'wrong', '192.0.2.7'));
    expect((await failure(engine.identity.login('kim', 'kim-password', '192.0.2.7'))).code).toBe('RATE_LIMITED');
    // Another address is not affected.
    await engine.identity.login('kim', 'kim-password', '192.0.2.8');
  });

  it('keeps the counts in the database: a restart does not reset them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandcloud-identity-'));
    try {
      const databasePath = join(dir, 'sandcloud.db');
      const first = open({ databasePath });
      for (let i = 0; i < 5; i++) await failure(first.identity.login('kim', 'wrong', '10.0.0.1'));
      first.close();
      const second = createEngine({ clock: new ManualClock(), databasePath });
      engines.push(second);
      expect((await failure(second.identity.login('kim', 'kim-password', '10.0.0.1'))).code).toBe('RATE_LIMITED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('passwords and accounts', () => {
  it('changes a password with the current one, ending every other session', async () => {
    const engine = open();
    const kim = engine.identity.findUser('kim')!;
    const mine = await engine.identity.login('kim', 'kim-password', '10.0.0.1');
    const other = await engine.identity.login('kim', 'kim-password', '10.0.0.2');
    const wrong = await failure(engine.identity.changePassword(kim.id, mine.token, { currentPassword: 'nope', newPassword: 'kim-new-password' }));
    expect([wrong.code, wrong.field]).toEqual(['INVALID_INPUT', 'currentPassword']);
    await engine.identity.changePassword(kim.id, mine.token, { currentPassword: 'kim-password', newPassword: 'kim-new-password' });
    expect(engine.identity.resolveSession(mine.token)?.user.username).toBe('kim');
    expect(engine.identity.resolveSession(other.token)).toBeUndefined();
    expect((await failure(engine.identity.login('kim', 'kim-password', '10.0.0.1'))).code).toBe('UNAUTHENTICATED');
    await engine.identity.login('kim', 'kim-new-password', '10.0.0.1');
  });

  it('counts wrong current passwords as failed sign-ins', async () => {
    const engine = open();
    const kim = engine.identity.findUser('kim')!;
    const { token } = await engine.identity.login('kim', 'kim-password', '10.0.0.1');
    const change = (currentPassword: string) => engine.identity.changePassword(kim.id, token, { currentPassword, newPassword: 'kim-new-password' }, '10.0.0.1');
    for (let i = 0; i < 5; i++) expect((await failure(change(`guess-${i}`))).field).toBe('currentPassword');
    expect((await failure(change('kim-password'))).code).toBe('RATE_LIMITED');
  });

  it('does not delete the only admin of a project', async () => {
    const engine = open();
    const root = engine.identity.createUser({ username: 'root', password: 'root-password', isAdmin: true });
    const kim = engine.identity.findUser('kim')!;
    const project = engine.projects.create(kim, { name: 'kims-project' });
    expect(() => engine.identity.deleteUser(root.id, kim.id)).toThrow(
      'kim is the only admin of project kims-project; make someone else its admin first',
    );
    engine.projects.setMember(project.id, root, 'admin');
    engine.identity.deleteUser(root.id, kim.id);
  });

  it('applies the minimum strength rule', async () => {
    const engine = open();
    const kim = engine.identity.findUser('kim')!;
    const cases: [string, string][] = [
      ['short', 'Passwords have at least 8 characters'],
      ['abababab', 'The password needs at least 3 different characters'],
      ['Password123', 'This password is too common; choose another one'],
    ];
    for (const [password, message] of cases) {
      const error = await failure(engine.identity.resetPassword(kim.id, password));
      expect([error.code, error.message, error.field]).toEqual(['INVALID_INPUT', message, 'password']);
    }
    expect(() => engine.identity.createUser({ username: 'lee.park', password: 'LEE.PARK' })).toThrow('The password must not be the user name');
  });

  it('disables a user (sessions end, sign-in refused with a clear message) and never the last administrator', async () => {
    const engine = open();
    const admin = engine.identity.createUser({ username: 'root', password: 'root-password', isAdmin: true });
    const kim = engine.identity.findUser('kim')!;
    const session = await engine.identity.login('kim', 'kim-password', '10.0.0.1');
    engine.identity.setDisabled(admin.id, kim.id, true);
    expect(engine.identity.resolveSession(session.token)).toBeUndefined();
    const refused = await failure(engine.identity.login('kim', 'kim-password', '10.0.0.1'));
    expect([refused.code, refused.message]).toEqual(['ACCOUNT_DISABLED', 'This account has been disabled; ask an administrator to enable it']);
    engine.identity.setDisabled(admin.id, kim.id, false);
    await engine.identity.login('kim', 'kim-password', '10.0.0.1');

    const other = engine.identity.createUser({ username: 'boss', password: 'boss-password', isAdmin: true });
    expect(() => engine.identity.setDisabled(admin.id, admin.id, true)).toThrow('You cannot disable your own account');
    engine.identity.setDisabled(admin.id, other.id, true);
    // root is now the only enabled administrator; boss (disabled, not the last) may go.
    expect(() => engine.identity.deleteUser(kim.id, admin.id)).toThrow('root is the last administrator and cannot be deleted');
    expect(() => engine.identity.setDisabled(kim.id, admin.id, true)).toThrow('root is the last administrator and cannot be disabled');
    engine.identity.deleteUser(admin.id, other.id);
    engine.identity.deleteUser(admin.id, kim.id);
    expect(engine.identity.listUsers().map((user) => user.username)).toEqual(['root']);
  });
});

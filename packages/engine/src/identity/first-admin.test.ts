import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { createEngine } from '../engine.ts';

// The server creates the first administrator while it already answers: the hash runs on the thread
// pool (`ensureAdminAsync`), and the administrator signs in with the password once it resolves.

describe('ensureAdminAsync', () => {
  it('creates the first administrator with the chosen password, once', async () => {
    const engine = createEngine({ clock: new ManualClock() });
    const pending = engine.ensureAdminAsync('root', 'chosen-password-1');
    // Nothing is stored before the hash is done.
    expect(engine.identity.userCount()).toBe(0);
    expect(await pending).toEqual({ created: true });
    expect(engine.identity.listUsers().map((user) => [user.username, user.isAdmin])).toEqual([['root', true]]);
    const { session } = await engine.identity.login('root', 'chosen-password-1');
    expect(session.user).toMatchObject({ username: 'root', isAdmin: true });
    expect(await engine.ensureAdminAsync('root', 'another-password-2')).toEqual({ created: false });
    expect(engine.identity.userCount()).toBe(1);
    engine.close();
  });

  it('generates a password when none is chosen and returns it to be printed once', async () => {
    const engine = createEngine({ clock: new ManualClock() });
    const { created, generatedPassword } = await engine.ensureAdminAsync();
    expect(created).toBe(true);
    expect(generatedPassword).toMatch(/^\S{12,}$/);
    await expect(engine.identity.login('admin', generatedPassword!)).resolves.toMatchObject({ session: { user: { username: 'admin', isAdmin: true } } });
    engine.close();
  });
});

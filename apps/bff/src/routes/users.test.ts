import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApi, login } from '../test-support/test-api.ts';

describe('GET /api/users', () => {
  it('lists every user by name with the admin flag and the creation time', async () => {
    const { app, engine } = createTestApi();
    const admin = await login(app);
    engine.advance(60_000);
    await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201);
    await admin.post('/users', { username: 'boss', password: 'boss-password', isAdmin: true }).expect(201);

    const list = await admin.get('/users').expect(200);
    expect(list.body).toMatchObject({ total: 3, offset: 0 });
    expect(list.body.items).toEqual([
      { id: expect.any(String), username: 'admin', isAdmin: true, language: 'ko', createdAt: '2026-01-01T00:00:00.000Z', disabled: false },
      expect.objectContaining({ username: 'boss', isAdmin: true, createdAt: '2026-01-01T00:01:00.000Z' }),
      expect.objectContaining({ username: 'kim', isAdmin: false, createdAt: '2026-01-01T00:01:00.000Z' }),
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/password|hash/i);
  });

  it('pages the list and refuses a page size over the maximum', async () => {
    const { app } = createTestApi();
    const admin = await login(app);
    for (const name of ['u1', 'u2', 'u3']) await admin.post('/users', { username: name, password: `${name}-password` }).expect(201);
    const page = await admin.get('/users?limit=2&offset=1').expect(200);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.body.items.map((user: { username: string }) => user.username)).toEqual(['u1', 'u2']);
    await admin.get('/users?limit=501').expect(400);
  });

  it('answers 401 without a session and 403 to a user who is not a system administrator', async () => {
    const { app } = createTestApi();
    await request(app).get('/api/users').expect(401);
    const admin = await login(app);
    await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201);
    const kim = await login(app, 'kim', 'kim-password');
    const refused = await kim.get('/users').expect(403);
    expect(refused.body.error).toEqual({ code: 'FORBIDDEN', message: 'Only administrators can manage users', messageCode: 'permission.administratorsOnly' });
  });
});

describe('POST /api/users', () => {
  it('creates a user who can sign in, and answers the new user without the password', async () => {
    const { app } = createTestApi();
    const admin = await login(app);
    const created = await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      username: 'kim',
      isAdmin: false,
      language: 'ko',
      createdAt: '2026-01-01T00:00:00.000Z',
      disabled: false,
    });
    const kim = await login(app, 'kim', 'kim-password');
    expect((await kim.get('/auth/session').expect(200)).body.user).toMatchObject({ username: 'kim', isAdmin: false });
  });

  it('makes a system administrator who can add users in turn', async () => {
    const { app } = createTestApi();
    const admin = await login(app);
    await admin.post('/users', { username: 'boss', password: 'boss-password', isAdmin: true }).expect(201);
    const boss = await login(app, 'boss', 'boss-password');
    await boss.post('/users', { username: 'lee', password: 'lee-password' }).expect(201);
    // A system administrator sees only the projects they belong to.
    await admin.post('/projects', { name: 'admins-own' }).expect(201);
    expect((await boss.get('/projects').expect(200)).body.items).toEqual([]);
  });

  it('answers 409 on the user name field for a name that is taken', async () => {
    const { app } = createTestApi();
    const admin = await login(app);
    await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201);
    const taken = await admin.post('/users', { username: 'kim', password: 'other-password' }).expect(409);
    expect(taken.body.error).toEqual({ code: 'CONFLICT', message: 'User kim already exists', field: 'username', messageCode: 'name.taken', params: { kind: 'user', name: 'kim' } });
    // The first account is untouched.
    await login(app, 'kim', 'kim-password');
  });

  it('names the field of bad input', async () => {
    const { app } = createTestApi();
    const admin = await login(app);
    const cases: [object, string][] = [
      [{ username: 'k', password: 'long-enough' }, 'username'],
      [{ username: '-kim', password: 'long-enough' }, 'username'],
      [{ username: 'kim lee', password: 'long-enough' }, 'username'],
      [{ username: 'kim', password: 'short' }, 'password'],
      [{ username: 'kim', password: 'x'.repeat(257) }, 'password'],
      [{ username: 'kim', password: 'long-enough', isAdmin: 'yes' }, 'isAdmin'],
      [{ username: 'kim', password: 'long-enough', role: 'admin' }, 'role'],
      [{ password: 'long-enough' }, 'username'],
    ];
    for (const [body, field] of cases) {
      const response = await admin.post('/users', body).expect(400);
      expect(response.body.error, JSON.stringify(body)).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    expect((await admin.get('/users')).body.total).toBe(1);
  });

  it('refuses users who are not system administrators, and requests without the CSRF token', async () => {
    const { app } = createTestApi();
    const admin = await login(app);
    await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201);
    const kim = await login(app, 'kim', 'kim-password');
    await kim.post('/users', { username: 'lee', password: 'lee-password' }).expect(403);
    await admin.agent.post('/api/users').send({ username: 'lee', password: 'lee-password' }).expect(403);
    expect((await admin.get('/users')).body.items.map((user: { username: string }) => user.username)).toEqual(['admin', 'kim']);
  });
});

describe('an administrator resets, disables and deletes users', () => {
  it('resets a password: every session of the user ends, the new password works', async () => {
    const { app } = createTestApi();
    const admin = await login(app);
    const kimId = (await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201)).body.id;
    const kim = await login(app, 'kim', 'kim-password');
    const weak = await admin.put(`/users/${kimId}/password`, { password: 'aaaaaaaa' }).expect(400);
    expect(weak.body.error).toEqual({ code: 'INVALID_INPUT', message: 'The password needs at least 3 different characters', field: 'password', messageCode: 'password.tooFewCharacters', params: { min: 3 } });
    await admin.put(`/users/${kimId}/password`, { password: 'kim-fresh-password' }).expect(204);
    await kim.get('/auth/session').expect(401);
    await login(app, 'kim', 'kim-fresh-password');
    await admin.put('/users/no-such-user/password', { password: 'kim-fresh-password' }).expect(404);
    await kim.put(`/users/${kimId}/password`, { password: 'kim-fresh-password' }).expect(401);
  });

  it('disables a user: their sessions end and sign-in is refused with a clear message, until enabled again', async () => {
    const { app } = createTestApi();
    const admin = await login(app);
    const kimId = (await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201)).body.id;
    const kim = await login(app, 'kim', 'kim-password');
    const disabled = await admin.patch(`/users/${kimId}`, { disabled: true }).expect(200);
    expect(disabled.body).toMatchObject({ username: 'kim', disabled: true });
    await kim.get('/projects').expect(401);
    const refused = await request(app).post('/api/auth/login').send({ username: 'kim', password: 'kim-password' }).expect(403);
    expect(refused.body.error).toEqual({ code: 'ACCOUNT_DISABLED', message: 'This account has been disabled; ask an administrator to enable it', messageCode: 'auth.accountDisabled' });
    // A wrong password still gets the usual answer: being disabled is not revealed to a guesser.
    await request(app).post('/api/auth/login').send({ username: 'kim', password: 'wrong-password' }).expect(401);
    await admin.patch(`/users/${kimId}`, { disabled: false }).expect(200);
    await login(app, 'kim', 'kim-password');
  });

  it('deletes a user, but never the acting or the last administrator', async () => {
    const { app } = createTestApi();
    const admin = await login(app);
    const adminId = (await admin.get('/auth/session')).body.user.id;
    const kimId = (await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201)).body.id;
    const self = await admin.delete(`/users/${adminId}`).expect(409);
    expect(self.body.error).toEqual({ code: 'CONFLICT', message: 'You cannot delete your own account', messageCode: 'user.ownAccount', params: { action: 'delete' } });
    await admin.patch(`/users/${adminId}`, { disabled: true }).expect(409);
    await admin.delete(`/users/${kimId}`).expect(204);
    await request(app).post('/api/auth/login').send({ username: 'kim', password: 'kim-password' }).expect(401);
    expect((await admin.get('/users')).body.items.map((user: { username: string }) => user.username)).toEqual(['admin']);

    // Another administrator cannot remove the last enabled one either.
    const bossId = (await admin.post('/users', { username: 'boss', password: 'boss-password', isAdmin: true }).expect(201)).body.id;
    const boss = await login(app, 'boss', 'boss-password');
    await boss.patch(`/users/${adminId}`, { disabled: true }).expect(200);
    const last = await boss.delete(`/users/${bossId}`).expect(409);
    expect(last.body.error.message).toBe('You cannot delete your own account');
    await admin.get('/auth/session').expect(401);
  });
});

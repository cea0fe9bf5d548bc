import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { activatedProject, createTestApi, login } from '../test-support/test-api.ts';

describe('authentication', () => {
  it('refuses a wrong password with 401 and the same message as an unknown user', async () => {
    const { app } = createTestApi();
    const wrong = await request(app).post('/api/auth/login').send({ username: 'admin', password: 'nope' }).expect(401);
    const unknown = await request(app).post('/api/auth/login').send({ username: 'ghost', password: 'nope' }).expect(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('answers 429 with Retry-After once an account has failed 5 times in a row, even for the right password', async () => {
    const { app } = createTestApi();
    for (let i = 0; i < 5; i++) await request(app).post('/api/auth/login').send({ username: 'admin', password: `guess-${i}` }).expect(401);
    const limited = await request(app).post('/api/auth/login').send({ username: 'admin', password: 'admin-password' }).expect(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.body.error).toEqual({ code: 'RATE_LIMITED', message: 'Too many failed sign-ins; try again in 1 seconds', messageCode: 'auth.rateLimited', params: { seconds: 1 } });
  });

  it('changes my password with the current one; my session stays, my other sessions end', async () => {
    const { app } = createTestApi();
    const me = await login(app);
    const elsewhere = await login(app);
    const wrong = await me.put('/me/password', { currentPassword: 'nope', newPassword: 'a-new-password' }).expect(400);
    expect(wrong.body.error).toEqual({ code: 'INVALID_INPUT', message: 'The current password is incorrect', field: 'currentPassword', messageCode: 'password.currentIncorrect' });
    const weak = await me.put('/me/password', { currentPassword: 'admin-password', newPassword: '12345678' }).expect(400);
    expect(weak.body.error).toEqual({ code: 'INVALID_INPUT', message: 'This password is too common; choose another one', field: 'newPassword', messageCode: 'password.tooCommon' });
    await me.put('/me/password', { currentPassword: 'admin-password', newPassword: 'a-new-password' }).expect(204);
    await me.get('/auth/session').expect(200);
    await elsewhere.get('/auth/session').expect(401);
    await request(app).post('/api/auth/login').send({ username: 'admin', password: 'admin-password' }).expect(401);
    await login(app, 'admin', 'a-new-password');
  });

  it('sets an httpOnly SameSite session cookie and answers the session', async () => {
    const { app } = createTestApi();
    const response = await request(app).post('/api/auth/login').send({ username: 'admin', password: 'admin-password' }).expect(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const client = await login(app);
    const session = await client.get('/auth/session').expect(200);
    expect(session.body.user.username).toBe('admin');
  });

  it('answers 401 without a session and after logout', async () => {
    const { app } = createTestApi();
    await request(app).get('/api/projects').expect(401);
    const client = await login(app);
    await client.post('/auth/logout').expect(204);
    await client.get('/projects').expect(401);
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const { app } = createTestApi();
    const client = await login(app);
    const response = await client.agent.post('/api/projects').send({ name: 'x' }).expect(403);
    expect(response.body.error.code).toBe('CSRF_TOKEN_INVALID');
    await client.agent.post('/api/projects').set('X-CSRF-Token', 'forged').send({ name: 'x' }).expect(403);
    await client.post('/projects', { name: 'x' }).expect(201);
  });

  it('validates bodies: unknown fields, bad JSON and oversized bodies are 4xx, never 500', async () => {
    const { app } = createTestApi();
    const client = await login(app);
    const unknown = await client.post('/projects', { name: 'ok', owner: 'me' }).expect(400);
    expect(unknown.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'owner' });
    const badName = await client.post('/projects', { name: '' }).expect(400);
    expect(badName.body.error.field).toBe('name');
    await client.agent.post('/api/projects').set('X-CSRF-Token', client.csrfToken).set('Content-Type', 'application/json').send('{bad').expect(400);
    await client.post('/projects', { name: 'big', description: 'x'.repeat(300_000) }).expect(413);
  });

  it('returns a request id header', async () => {
    const { app } = createTestApi();
    const response = await request(app).get('/api/projects');
    expect(response.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('lets an admin add users and remembers the language per user', async () => {
    const { app } = createTestApi();
    const admin = await login(app);
    await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201);
    await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(409);
    const kim = await login(app, 'kim', 'kim-password');
    await kim.post('/users', { username: 'lee', password: 'lee-password' }).expect(403);
    await kim.patch('/me', { language: 'en' }).expect(200);
    const again = await login(app, 'kim', 'kim-password');
    expect((await again.get('/auth/session')).body.user.language).toBe('en');
  });
});

describe('projects, roles and tenancy', () => {
  async function setup() {
    const { app, engine } = createTestApi();
    const admin = await login(app);
    for (const name of ['member1', 'viewer1', 'outsider']) await admin.post('/users', { username: name, password: `${name}-pass` }).expect(201);
    const project = await admin.post('/projects', { name: 'shared' }).expect(201);
    const projectId = project.body.id as string;
    await admin.put(`/projects/${projectId}/members`, { username: 'member1', role: 'member' }).expect(200);
    await admin.put(`/projects/${projectId}/members`, { username: 'viewer1', role: 'viewer' }).expect(200);
    return {
      app,
      engine,
      admin,
      projectId,
      member: await login(app, 'member1', 'member1-pass'),
      viewer: await login(app, 'viewer1', 'viewer1-pass'),
      outsider: await login(app, 'outsider', 'outsider-pass'),
    };
  }

  it('lists only the projects the user belongs to', async () => {
    const { outsider, member, projectId } = await setup();
    await outsider.post('/projects', { name: 'mine' }).expect(201);
    const outsiderProjects = (await outsider.get('/projects').expect(200)).body.items.map((p: { name: string }) => p.name);
    expect(outsiderProjects).toEqual(['mine']);
    const memberProjects = (await member.get('/projects').expect(200)).body.items;
    expect(memberProjects).toEqual([expect.objectContaining({ id: projectId, role: 'member' })]);
  });

  it("answers 404, never data, for another tenant's project ids", async () => {
    const { outsider, projectId } = await setup();
    const response = await outsider.get(`/projects/${projectId}`).expect(404);
    expect(JSON.stringify(response.body)).not.toContain('shared');
    await outsider.get(`/projects/${projectId}/members`).expect(404);
    await outsider.post(`/projects/${projectId}/compute/activate`).expect(404);
    await outsider.get(`/projects/${projectId}/networks`).expect(404);
  });

  it('enforces roles: only admins activate and manage members; viewers only read', async () => {
    const { admin, member, viewer, projectId } = await setup();
    const refused = await member.post(`/projects/${projectId}/compute/activate`).expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    await viewer.put(`/projects/${projectId}/members`, { username: 'outsider', role: 'viewer' }).expect(403);
    await admin.post(`/projects/${projectId}/compute/activate`).expect(200);
    await viewer.get(`/projects/${projectId}/networks`).expect(200);
  });

  it('keeps at least one admin in a project', async () => {
    const { admin, projectId } = await setup();
    const me = (await admin.get('/auth/session')).body.user.id as string;
    const response = await admin.delete(`/projects/${projectId}/members/${me}`).expect(409);
    expect(response.body.error.message).toMatch(/at least one admin/);
  });
});

describe('product activation', () => {
  it('answers 403 with a clear message before activation, then creates the defaults', async () => {
    const { app } = createTestApi();
    const client = await login(app);
    const project = await client.post('/projects', { name: 'demo' }).expect(201);
    const projectId = project.body.id as string;
    expect(project.body.computeActivated).toBe(false);

    const before = await client.get(`/projects/${projectId}/networks`).expect(403);
    expect(before.body.error).toMatchObject({ code: 'PRODUCT_NOT_ACTIVE' });
    expect(before.body.error.message).toMatch(/상품이용/);

    const activated = await client.post(`/projects/${projectId}/compute/activate`).expect(200);
    expect(activated.body.computeActivated).toBe(true);
    await client.post(`/projects/${projectId}/compute/activate`).expect(409);

    const networks = (await client.get(`/projects/${projectId}/networks`).expect(200)).body.items;
    expect(networks).toEqual([expect.objectContaining({ name: 'Default Network', cidr: '192.168.0.0/24', gatewayIp: '192.168.0.1' })]);
  });

  it('activates each project separately', async () => {
    const { app } = createTestApi();
    const client = await login(app);
    await activatedProject(client, 'one');
    const two = await client.post('/projects', { name: 'two' }).expect(201);
    await client.get(`/projects/${two.body.id}/networks`).expect(403);
  });
});

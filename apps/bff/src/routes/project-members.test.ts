import { describe, expect, it } from 'vitest';
import { createTestApi, login } from '../test-support/test-api.ts';

/** The project members API as the console's Members screen uses it. */
async function setup() {
  const { app } = createTestApi();
  const admin = await login(app);
  for (const name of ['kim', 'lee']) await admin.post('/users', { username: name, password: `${name}-password` }).expect(201);
  const projectId = (await admin.post('/projects', { name: 'team' }).expect(201)).body.id as string;
  const adminId = (await admin.get('/auth/session')).body.user.id as string;
  const members = async () =>
    (await admin.get(`/projects/${projectId}/members`).expect(200)).body.items.map((m: { username: string; role: string }) => `${m.username}:${m.role}`);
  return { app, admin, adminId, projectId, members };
}

describe('project members', () => {
  it('adds a member by user name, changes the role and removes the member', async () => {
    const { admin, projectId, members } = await setup();
    expect(await members()).toEqual(['admin:admin']);

    const added = await admin.put(`/projects/${projectId}/members`, { username: ' kim ', role: 'member' }).expect(200);
    expect(added.body).toEqual({ userId: expect.any(String), username: 'kim', role: 'member' });
    await admin.put(`/projects/${projectId}/members`, { username: 'lee', role: 'viewer' }).expect(200);
    expect(await members()).toEqual(['admin:admin', 'kim:member', 'lee:viewer']);

    await admin.put(`/projects/${projectId}/members`, { username: 'kim', role: 'viewer' }).expect(200);
    expect(await members()).toEqual(['admin:admin', 'kim:viewer', 'lee:viewer']);

    await admin.delete(`/projects/${projectId}/members/${added.body.userId}`).expect(204);
    expect(await members()).toEqual(['admin:admin', 'lee:viewer']);
    await admin.delete(`/projects/${projectId}/members/${added.body.userId}`).expect(404);
  });

  it('gives the new member the role in their own project list', async () => {
    const { app, admin, projectId } = await setup();
    await admin.put(`/projects/${projectId}/members`, { username: 'kim', role: 'viewer' }).expect(200);
    const kim = await login(app, 'kim', 'kim-password');
    expect((await kim.get('/projects')).body.items).toEqual([expect.objectContaining({ id: projectId, role: 'viewer' })]);
    await kim.get(`/projects/${projectId}/members`).expect(200);
  });

  it('names the user name field when no such user exists or it is empty', async () => {
    const { admin, projectId } = await setup();
    const unknown = await admin.put(`/projects/${projectId}/members`, { username: 'ghost', role: 'member' }).expect(404);
    expect(unknown.body.error).toEqual({ code: 'NOT_FOUND', message: 'No user named ghost', field: 'username', messageCode: 'user.unknownName', params: { name: 'ghost' } });
    const empty = await admin.put(`/projects/${projectId}/members`, { username: '  ', role: 'member' }).expect(400);
    expect(empty.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'username' });
    const badRole = await admin.put(`/projects/${projectId}/members`, { username: 'kim', role: 'owner' }).expect(400);
    expect(badRole.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'role' });
  });

  it('keeps at least one admin: the last admin can be neither demoted nor removed', async () => {
    const { admin, adminId, projectId, members } = await setup();
    const demote = await admin.put(`/projects/${projectId}/members`, { username: 'admin', role: 'member' }).expect(409);
    expect(demote.body.error).toMatchObject({ code: 'CONFLICT', message: 'A project keeps at least one admin' });
    await admin.delete(`/projects/${projectId}/members/${adminId}`).expect(409);

    // With a second admin, the first may step down.
    await admin.put(`/projects/${projectId}/members`, { username: 'kim', role: 'admin' }).expect(200);
    await admin.put(`/projects/${projectId}/members`, { username: 'admin', role: 'viewer' }).expect(200);
    expect(await members()).toEqual(['admin:viewer', 'kim:admin']);
    await admin.put(`/projects/${projectId}/members`, { username: 'lee', role: 'member' }).expect(403);
  });

  it('lets only project admins change members; members and viewers read them', async () => {
    const { app, admin, projectId } = await setup();
    await admin.put(`/projects/${projectId}/members`, { username: 'kim', role: 'member' }).expect(200);
    await admin.put(`/projects/${projectId}/members`, { username: 'lee', role: 'viewer' }).expect(200);
    const adminId = (await admin.get('/auth/session')).body.user.id as string;
    for (const [name, password] of [['kim', 'kim-password'], ['lee', 'lee-password']] as const) {
      const client = await login(app, name, password);
      await client.get(`/projects/${projectId}/members`).expect(200);
      const refused = await client.put(`/projects/${projectId}/members`, { username: name, role: 'admin' }).expect(403);
      expect(refused.body.error).toEqual({ code: 'FORBIDDEN', message: 'Only project admins can manage members', messageCode: 'permission.adminOnly' });
      await client.delete(`/projects/${projectId}/members/${adminId}`).expect(403);
    }
  });

  it('removing oneself leaves the project: it answers 404 afterwards', async () => {
    const { app, admin, projectId } = await setup();
    await admin.put(`/projects/${projectId}/members`, { username: 'kim', role: 'admin' }).expect(200);
    const kim = await login(app, 'kim', 'kim-password');
    const kimId = (await kim.get('/auth/session')).body.user.id as string;
    await kim.delete(`/projects/${projectId}/members/${kimId}`).expect(204);
    await kim.get(`/projects/${projectId}`).expect(404);
    expect((await kim.get('/projects')).body.items).toEqual([]);
  });
});

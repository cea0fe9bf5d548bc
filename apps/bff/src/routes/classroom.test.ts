import { describe, expect, it } from 'vitest';
import { prepareComputeProject } from '../test-support/compute-project.ts';
import { activatedProject, createTestApi, login } from '../test-support/test-api.ts';

const CSV = 'name,email,login\r\n"Kim, Minji",minji@example.edu,\nLee Jun,,jun.lee\n박서연,seoyeon@example.edu,\n';

describe('classroom API', () => {
  it('enrols learners: a user and an activated project each, the passwords once, a prepared state, and the teacher sees their progress', async () => {
    const { app, engine } = createTestApi();
    const admin = await login(app);
    // The teacher's prepared project: its state (a key pair, an instance) is every learner's start.
    const template = await activatedProject(admin, 'template');
    const prepared = await prepareComputeProject(admin, template);
    await prepared.createInstances();
    engine.advance(5_000);

    const created = await admin.post('/classrooms', { name: 'cloud-101', csv: CSV, templateProjectId: template }).expect(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { classroom, passwords } = created.body;
    expect(classroom.learners.map((l: { username: string; projectName: string; email: string | null }) => [l.username, l.projectName, l.email])).toEqual([
      ['minji', 'minji-lab', 'minji@example.edu'],
      ['jun.lee', 'jun.lee-lab', null],
      ['seoyeon', 'seoyeon-lab', 'seoyeon@example.edu'],
    ]);
    expect(passwords.map((p: { username: string }) => p.username)).toEqual(['minji', 'jun.lee', 'seoyeon']);
    // Told once: the classroom's own record never shows them.
    expect(JSON.stringify((await admin.get(`/classrooms/${classroom.id}`).expect(200)).body)).not.toContain(passwords[0].password);

    // A learner signs in with the given password and finds their project activated with the prepared state.
    const minji = await login(app, 'minji', passwords[0].password);
    const projects = (await minji.get('/projects').expect(200)).body.items;
    expect(projects.map((p: { name: string; computeActivated: boolean }) => [p.name, p.computeActivated])).toEqual([['minji-lab', true]]);
    const projectId = classroom.learners[0].projectId as string;
    expect((await minji.get(`/projects/${projectId}/instances`).expect(200)).body.items.map((i: { name: string }) => i.name)).toEqual(['web']);
    await minji.get(`/projects/${classroom.learners[1].projectId}/instances`).expect(404);

    // The teacher's view: not started, then the learner's current step.
    const before = (await admin.get(`/classrooms/${classroom.id}/progress`).expect(200)).body.items;
    expect(before.map((row: { learner: { username: string }; tutorials: unknown[] }) => [row.learner.username, row.tutorials.length])).toEqual([
      ['minji', 0],
      ['jun.lee', 0],
      ['seoyeon', 0],
    ]);
    engine.advance(5_000);
    await minji.post(`/projects/${projectId}/tutorials/getting-started/start`).expect(201);
    const after = (await admin.get(`/classrooms/${classroom.id}/progress`).expect(200)).body.items[0];
    // The prepared instance runs, but with the template's imported key: the learner has no .pem of it.
    expect(after.tutorials[0]).toMatchObject({ username: 'minji', currentStepId: 'instance', status: 'IN_PROGRESS' });
    expect(after.tutorials[0].steps.find((s: { id: string }) => s.id === 'instance').hint).toMatchObject({ code: 'key-not-downloaded', params: { instance: 'web' } });
    expect(after.tutorials[0].steps.filter((s: { done: boolean }) => s.done).map((s: { id: string }) => s.id)).toEqual(['activate', 'topology']);
    await minji.get(`/classrooms/${classroom.id}/progress`).expect(403);
  });

  it("gives every learner's project the chosen quotas through the quota guard, and refuses a bad one before creating anything", async () => {
    const { app, engine } = createTestApi();
    const admin = await login(app);
    const count = engine.identity.userCount();
    const bad = await admin.post('/classrooms', { name: 'q', csv: 'Ann,ann@x.org', quotas: { instances: -1 } }).expect(400);
    expect(bad.body.error.field).toBe('quotas.instances');
    expect(engine.identity.userCount()).toBe(count);

    const created = await admin.post('/classrooms', { name: 'q', csv: 'Ann,ann@x.org\nBob,bob', quotas: { instances: 2, vcpus: 4 } }).expect(201);
    for (const learner of created.body.classroom.learners as { projectId: string }[]) {
      const quotas = (await admin.get(`/projects/${learner.projectId}/quotas`).expect(200)).body;
      expect([quotas.instances, quotas.vcpus]).toEqual([
        { limit: 2, used: 0 },
        { limit: 4, used: 0 },
      ]);
      expect(quotas.keyPairs.limit).toBe(engine.modules.quotas.defaults().keyPairs);
    }
  });

  it('refuses a list with a problem and creates nothing', async () => {
    const { app, engine } = createTestApi();
    const admin = await login(app);
    const users = () => engine.identity.userCount();
    const count = users();
    const duplicate = await admin.post('/classrooms', { name: 'c', csv: 'name,login\nA,ann\nB,ann' }).expect(400);
    expect(duplicate.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'learners',
      message: 'Learner 2 (B): the user name ann appears twice in the list',
      messageCode: 'classroom.learnerUsernameTwice',
      params: { number: 2, learner: 'B', username: 'ann' },
    });
    const taken = await admin.post('/classrooms', { name: 'c', csv: 'name,login\nA,ann\nB,admin' }).expect(409);
    expect(taken.body.error.message).toBe('Learner 2 (B): a user named admin exists already');
    const badMail = await admin.post('/classrooms', { name: 'c', csv: 'name,email\nA,not-mail' }).expect(400);
    expect(badMail.body.error.message).toBe('Learner 1 (A): "not-mail" is not an e-mail address');
    await admin.post('/classrooms', { name: 'c', csv: 'name\n"A' }).expect(400);
    const corrupt = await admin.post('/classrooms', { name: 'c', csv: 'A,a@x.org', state: { format: 'other' } }).expect(400);
    expect(corrupt.body.error.field).toBe('state');
    expect(users()).toBe(count);
    expect((await admin.get('/classrooms').expect(200)).body.items).toEqual([]);
  });
});

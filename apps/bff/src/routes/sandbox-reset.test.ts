import { describe, expect, it } from 'vitest';
import { prepareComputeProject } from '../test-support/compute-project.ts';
import { activatedProject, createTestApi, login } from '../test-support/test-api.ts';

describe('whole-sandbox reset', () => {
  it('empties every project and forgets every tutorial, for an administrator who types RESET, with progress until done', async () => {
    const { app, engine } = createTestApi();
    const admin = await login(app);
    const bases: string[] = [];
    for (const name of ['one', 'two']) {
      const project = await prepareComputeProject(admin, await activatedProject(admin, name));
      await project.createInstances();
      await admin.post(`${project.base}/tutorials/getting-started/start`).expect(201);
      bases.push(project.base);
    }
    engine.advance(5_000);
    expect((await admin.get('/sandbox/reset').expect(200)).body.state).toBe('idle');

    await admin.post('/users', { username: 'learner', password: 'learner-password-1' }).expect(201);
    const learner = await login(app, 'learner', 'learner-password-1');
    await learner.post('/sandbox/reset', { confirm: 'RESET' }).expect(403);
    const wrong = await admin.post('/sandbox/reset', { confirm: 'reset' }).expect(400);
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'confirm', message: 'Type RESET to confirm the reset of the whole sandbox' });
    expect((await admin.get(`${bases[0]}/instances`).expect(200)).body.total).toBe(1);

    const started = (await admin.post('/sandbox/reset', { confirm: 'RESET' }).expect(202)).body;
    expect(started).toMatchObject({ state: 'running', projects: 2, projectsDone: 0, tutorialsCleared: 2 });
    for (let i = 0; i < 20 && (await admin.get('/sandbox/reset')).body.state === 'running'; i++) engine.advance(500);
    const done = (await admin.get('/sandbox/reset').expect(200)).body;
    expect(done).toMatchObject({ state: 'done', projects: 2, projectsDone: 2, remaining: 0, finishedAt: expect.any(String) });
    expect(done.removed).toBe(4); // an instance and a key pair in each
    for (const base of bases) {
      expect((await admin.get(`${base}/instances`).expect(200)).body.total).toBe(0);
      expect((await admin.get(`${base}/tutorials/getting-started`).expect(200)).body.progress).toBeNull();
    }
    // Users and projects stay.
    expect((await admin.get('/projects').expect(200)).body.items.map((p: { name: string }) => p.name)).toEqual(['one', 'two']);
  });
});
